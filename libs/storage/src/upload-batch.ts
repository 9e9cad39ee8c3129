import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Problem } from '@lers/contracts';
import { DocumentStore, type StoreRequest, type StoredObject } from './document-store';

/** The documents one request uploads, so they can be removed together if nothing will use them. */
export class UploadBatch {
  readonly objects: StoredObject[] = [];

  constructor(private readonly documents: DocumentStore) {}

  async store(source: Readable, request: StoreRequest): Promise<StoredObject> {
    const object = await this.documents.store(source, request);
    this.objects.push(object);
    return object;
  }

  discard(): Promise<void> {
    return this.documents.discard(this.objects);
  }
}

/**
 * "Stream the uploads to MinIO, then send the command": the uploads are removed when the request
 * is refused (by the gateway's own checks or by the service), or when the service answers from an
 * earlier copy of the same Idempotency-Key (which refers to that copy's documents). They are kept
 * on a 504, when the command may still have been applied with them.
 */
@Injectable()
export class UploadingCommands {
  constructor(private readonly documents: DocumentStore) {}

  async run<Result>(work: (uploads: UploadBatch) => Promise<{ result: Result; replayed: boolean }>) {
    const uploads = new UploadBatch(this.documents);
    try {
      const { result, replayed } = await work(uploads);
      if (replayed) await uploads.discard();
      return result;
    } catch (error) {
      if (!(error instanceof Problem && error.status === 504)) await uploads.discard();
      throw error;
    }
  }
}
