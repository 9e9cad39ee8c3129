import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { Problem } from '@lers/contracts';
import { DocumentStore, EVIDENCE_TYPES, UPLOAD_PART_SIZE, UPLOAD_PARTS_IN_FLIGHT } from '@lers/storage';
import { testInfra } from '@lers/testing';

const MiB = 1024 * 1024;

/** A PDF (by its magic bytes) of `size` random bytes, sent in 64 KiB chunks as a request body is. */
function pdfBody(size: number, failAfter?: number): { stream: Readable; sha256: string } {
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += 64 * 1024) {
      if (failAfter !== undefined && at >= failAfter) throw new Error('the client went away');
      yield bytes.subarray(at, at + 64 * 1024);
    }
  }
  return { stream: Readable.from(chunks(), { objectMode: false }), sha256: sha256(bytes) };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Evidence uploads of unknown size go to MinIO in parts sent side by side. Whatever happens, the
 * store ends with the whole document (its SHA-256 read back from MinIO) or with nothing: no object,
 * no pending multipart upload holding parts.
 */
describe('evidence uploads in parallel parts (real MinIO)', () => {
  const bucket = `lers-parts-${randomBytes(4).toString('hex')}`;
  let store: DocumentStore;
  const request = (maxBytes: number) => ({
    bucket,
    prefix: 'parts-test',
    maxBytes,
    allowed: EVIDENCE_TYPES,
  });

  beforeAll(async () => {
    store = new DocumentStore({
      endpoint: testInfra.minioEndpoint,
      accessKey: testInfra.minioUser,
      secretKey: testInfra.minioPassword,
      buckets: [bucket],
    });
    await store.onApplicationBootstrap();
  });

  const readBack = async (objectKey: string) => {
    const chunks: Buffer[] = [];
    for await (const chunk of await store.read(bucket, objectKey)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const pendingUploads = () =>
    new Promise<unknown[]>((done, fail) => {
      const found: unknown[] = [];
      store.client
        .listIncompleteUploads(bucket, 'parts-test/', true)
        .on('data', (upload) => found.push(upload))
        .on('error', fail)
        .on('end', () => done(found));
    });
  const objectsStored = async () => {
    const found: string[] = [];
    for await (const item of store.client.listObjectsV2(bucket, 'parts-test/', true))
      found.push((item as { name: string }).name);
    return found;
  };

  it.each([
    ['one part (a plain PUT)', 300 * 1024],
    ['exactly two parts', 2 * UPLOAD_PART_SIZE],
    ['seven parts, the last one short', 6 * UPLOAD_PART_SIZE + 12_345],
  ])('stores %s whole: the SHA-256 read back from MinIO is the one sent', async (_case, size) => {
    const body = pdfBody(size);
    const stored = await store.store(body.stream, request(100 * MiB));
    const back = await readBack(stored.objectKey);
    expect({
      size: stored.size,
      sha256: stored.sha256,
      readBack: sha256(back),
      type: stored.contentType,
    }).toEqual({ size, sha256: body.sha256, readBack: body.sha256, type: 'application/pdf' });
    expect(await pendingUploads()).toEqual([]);
  });

  it(`sends ${UPLOAD_PARTS_IN_FLIGHT} parts at once, never more`, async () => {
    const uploadPart = store.client.uploadPart.bind(store.client);
    let inFlight = 0;
    let most = 0;
    const spy = jest.spyOn(store.client, 'uploadPart').mockImplementation(async (...args) => {
      most = Math.max(most, ++inFlight);
      try {
        return await uploadPart(...args);
      } finally {
        inFlight--;
      }
    });
    try {
      const stored = await store.store(pdfBody(8 * UPLOAD_PART_SIZE).stream, request(100 * MiB));
      expect({ parts: spy.mock.calls.length, most }).toEqual({ parts: 8, most: UPLOAD_PARTS_IN_FLIGHT });
      expect(stored.size).toBe(8 * UPLOAD_PART_SIZE);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses a document over the limit with 413 and keeps nothing, not even its parts', async () => {
    const before = await objectsStored();
    const refusal = await store
      .store(pdfBody(3 * UPLOAD_PART_SIZE).stream, request(UPLOAD_PART_SIZE + 1))
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Problem);
    expect((refusal as Problem).status).toBe(413);
    expect(await objectsStored()).toEqual(before);
    expect(await pendingUploads()).toEqual([]);
  });

  it('keeps nothing when the body fails midway (the client went away)', async () => {
    const before = await objectsStored();
    const failure = await store
      .store(pdfBody(4 * UPLOAD_PART_SIZE, 2 * UPLOAD_PART_SIZE + 100_000).stream, request(100 * MiB))
      .catch((error: unknown) => error);
    expect((failure as Error).message).toBe('the client went away');
    expect(await objectsStored()).toEqual(before);
    expect(await pendingUploads()).toEqual([]);
  });
});
