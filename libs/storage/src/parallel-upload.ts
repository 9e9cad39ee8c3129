import type * as Minio from 'minio';
import type { Readable } from 'node:stream';

export interface ParallelUploadRequest {
  bucket: string;
  objectKey: string;
  contentType: string;
  /** Bytes per part (5 MiB at least, S3's minimum for all parts but the last). */
  partSize: number;
  /** Parts sent at once; with the one being filled, at most `(partsInFlight + 1) × partSize` is held. */
  partsInFlight: number;
  /** Checked before the object is made: true refuses it (e.g. a size limit crossed on the way). */
  refuse?: () => boolean;
}

/** What the store said, or `refused` when `refuse()` said no and nothing was kept. */
export type ParallelUploadOutcome = { refused: false; versionId: string | null } | { refused: true };

/**
 * Streams an upload of unknown size into S3 parts sent side by side. minio-js's own streaming
 * `putObject` sends one part at a time (and lists pending uploads first): each part waits for the
 * last one's round trip and signature hashing. A file that fits in one part is one plain PUT.
 * On any failure the multipart upload is aborted, so no half-made object or orphan parts stay.
 */
export async function uploadInParallelParts(
  client: Minio.Client,
  source: Readable,
  request: ParallelUploadRequest,
): Promise<ParallelUploadOutcome> {
  const parts = new PartCutter(request.partSize);
  const iterator = source[Symbol.asyncIterator]();
  const first = await parts.fill(iterator);
  const headers = { 'Content-Type': request.contentType };
  if (parts.ended) {
    if (request.refuse?.()) return { refused: true };
    const put = await client.putObject(request.bucket, request.objectKey, first, first.length, headers);
    return { refused: false, versionId: put.versionId ?? null };
  }

  const uploadId = await client.initiateNewMultipartUpload(request.bucket, request.objectKey, headers);
  const abort = () =>
    client.abortMultipartUpload(request.bucket, request.objectKey, uploadId).catch(() => undefined);
  const sent: { part: number; etag: string }[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const send = (payload: Buffer, partNumber: number) => {
    const upload = client
      .uploadPart(
        {
          bucketName: request.bucket,
          objectName: request.objectKey,
          uploadID: uploadId,
          partNumber,
          headers: {},
        },
        payload,
      )
      .then(({ etag }) => void sent.push({ part: partNumber, etag }))
      .catch((error: unknown) => void (failure ??= error))
      .finally(() => inFlight.delete(upload));
    inFlight.add(upload);
  };

  try {
    let payload = first;
    for (let partNumber = 1; failure === undefined; partNumber++) {
      send(payload, partNumber);
      if (parts.ended) break;
      payload = await parts.fill(iterator);
      if (payload.length === 0) break; // the stream ended exactly at a part's end
      while (inFlight.size >= request.partsInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure;
  } catch (error) {
    void drain(iterator); // a failed store must not leave the client's body unread
    await abort();
    throw error;
  }
  if (request.refuse?.()) {
    await abort();
    return { refused: true };
  }
  const done = await client
    .completeMultipartUpload(
      request.bucket,
      request.objectKey,
      uploadId,
      sent.sort((a, b) => a.part - b.part),
    )
    .catch(async (error: unknown) => {
      await abort();
      throw error;
    });
  return { refused: false, versionId: done.versionId ?? null };
}

async function drain(iterator: AsyncIterator<unknown>): Promise<void> {
  try {
    while (!(await iterator.next()).done);
  } catch {
    // the body failed as well: nothing left to read
  }
}

/** Cuts a byte stream into buffers of exactly `partSize` (the last one shorter). */
class PartCutter {
  ended = false;
  private carry: Buffer = Buffer.alloc(0);

  constructor(private readonly partSize: number) {}

  /** The next part, or an empty buffer at the end of an empty stream. */
  async fill(iterator: AsyncIterator<unknown>): Promise<Buffer> {
    const chunks = [this.carry];
    let length = this.carry.length;
    while (length < this.partSize) {
      const next = await iterator.next();
      if (next.done) {
        this.ended = true;
        this.carry = Buffer.alloc(0);
        return Buffer.concat(chunks, length);
      }
      const chunk = next.value as Buffer;
      chunks.push(chunk);
      length += chunk.length;
    }
    const whole = Buffer.concat(chunks, length);
    this.carry = whole.subarray(this.partSize);
    return whole.subarray(0, this.partSize);
  }
}
