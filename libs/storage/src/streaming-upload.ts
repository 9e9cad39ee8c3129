import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';

/** Reads just enough of a stream to judge its type, and gives back a stream that still starts at byte 0. */
export async function peekHead(source: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const chunks: Buffer[] = [];
  let length = 0;
  const iterator = source[Symbol.asyncIterator]();
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = Buffer.from(next.value as Buffer);
    chunks.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay() {
    if (head.length) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value as Buffer;
    }
  }
  return { head, stream: Readable.from(replay(), { objectMode: false }) };
}

/**
 * Counts and hashes bytes as they pass. Past the limit it stops passing data but keeps reading
 * to the end, so the upload it feeds finishes (and is then deleted) instead of hanging on an
 * error its consumer does not listen for. The multipart parser cuts the body one byte past the
 * limit, so almost nothing is read in vain.
 */
export class HashingLimit extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;
  exceeded = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.exceeded || this.size > this.maxBytes) {
      this.exceeded = true;
      done();
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
