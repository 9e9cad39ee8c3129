import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import * as Minio from 'minio';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Problem } from '@lers/contracts';
import { SNIFF_BYTES, type EvidenceType } from './document-types';
import {
  STORAGE_OPTIONS,
  UPLOAD_PART_SIZE,
  UPLOAD_PARTS_IN_FLIGHT,
  type StorageOptions,
} from './minio-options';
import { uploadInParallelParts } from './parallel-upload';
import { HashingLimit, peekHead } from './streaming-upload';

export interface StoredObject {
  bucket: string;
  objectKey: string;
  /** The version written (evidence buckets are versioned): what `discard` removes. */
  versionId: string | null;
  sha256: string;
  size: number;
  contentType: EvidenceType;
}

export interface StoreRequest {
  bucket: string;
  /** A fixed, code-chosen folder (e.g. `access-applications`): never a user-supplied name. */
  prefix: string;
  maxBytes: number;
  allowed: readonly EvidenceType[];
}

/**
 * Evidence in MinIO (or any S3 store). Uploads stream through: the type is judged by magic bytes
 * before anything is stored, the SHA-256 is computed on the way, the size limit stops the stream
 * mid-flight, and the object key is ours alone.
 */
@Injectable()
export class DocumentStore implements OnApplicationBootstrap {
  private readonly logger = new Logger(DocumentStore.name);
  readonly client: Minio.Client;

  constructor(@Inject(STORAGE_OPTIONS) private readonly options: StorageOptions) {
    const url = new URL(options.endpoint);
    this.client = new Minio.Client({
      endPoint: url.hostname,
      port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
      useSSL: url.protocol === 'https:',
      accessKey: options.accessKey,
      secretKey: options.secretKey,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const bucket of this.options.buckets) await this.ensureBucket(bucket);
  }

  /** Evidence buckets are versioned with object locking, so a held object cannot be deleted. */
  async ensureBucket(bucket: string): Promise<void> {
    if (await this.client.bucketExists(bucket)) return;
    try {
      await this.client.makeBucket(bucket, '', { ObjectLocking: true });
      this.logger.log(`created bucket ${bucket} (versioned, object lock enabled)`);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw error;
    }
  }

  async store(source: Readable, request: StoreRequest): Promise<StoredObject> {
    const { head, stream } = await peekHead(source, SNIFF_BYTES);
    const detected = (await fileTypeFromBuffer(head))?.mime;
    if (!detected || !request.allowed.includes(detected as EvidenceType)) {
      stream.resume();
      throw new Problem(
        415,
        'unsupported_document',
        `Only ${request.allowed.join(', ')} documents are accepted (judged by their content).`,
      );
    }
    const objectKey = `${request.prefix}/${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
    const limit = new HashingLimit(request.maxBytes);
    stream.on('error', (error) => limit.destroy(error));
    const uploaded = await uploadInParallelParts(this.client, stream.pipe(limit), {
      bucket: request.bucket,
      objectKey,
      contentType: detected,
      partSize: UPLOAD_PART_SIZE,
      partsInFlight: UPLOAD_PARTS_IN_FLIGHT,
      refuse: () => limit.exceeded,
    });
    if (uploaded.refused)
      throw new Problem(413, 'document_too_large', `A document may be at most ${request.maxBytes} bytes.`);
    return {
      bucket: request.bucket,
      objectKey,
      versionId: uploaded.versionId ?? null,
      sha256: limit.digest(),
      size: limit.size,
      contentType: detected as EvidenceType,
    };
  }

  /**
   * Removes uploads that nothing will refer to (the request was refused, or answered from an
   * earlier copy): the very versions written, so no delete marker or stray version is left.
   */
  async discard(objects: Pick<StoredObject, 'bucket' | 'objectKey' | 'versionId'>[]): Promise<void> {
    const results = await Promise.allSettled(
      objects.map(({ bucket, objectKey, versionId }) =>
        this.client.removeObject(bucket, objectKey, versionId ? { versionId } : {}),
      ),
    );
    results.forEach((result, index) => {
      if (result.status === 'rejected')
        this.logger.warn(
          { err: result.reason, objectKey: objects[index].objectKey },
          'could not discard an upload',
        );
    });
  }

  /** S3 Object Lock legal hold: the object cannot be deleted or overwritten until the hold is lifted. */
  async placeLegalHold(bucket: string, objectKey: string): Promise<void> {
    await this.client.setObjectLegalHold(bucket, objectKey, { status: 'ON' });
  }

  /** Lifts the legal hold: the object may then be deleted again (retention is the owner's decision). */
  async liftLegalHold(bucket: string, objectKey: string): Promise<void> {
    await this.client.setObjectLegalHold(bucket, objectKey, { status: 'OFF' });
  }

  /** The object's current version, or exactly `versionId` when given (what was recorded stays what is read). */
  read(bucket: string, objectKey: string, versionId?: string | null): Promise<Readable> {
    return this.client.getObject(bucket, objectKey, versionId ? { versionId } : {});
  }
}
