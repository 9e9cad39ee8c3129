import * as Minio from 'minio';
import { BUCKETS } from '@lers/contracts';
import { newObjectKeys, samplePdf, storedObjects, testInfra, waitFor } from '@lers/testing';
import request from 'supertest';
import { bootRequestsStack, type RequestsStack } from '../../../test/e2e/backbone-harness';
import { officerApi, settleNotices, staffApi } from '../../gateway/test/request-flows';

const LINK_TTL_SECONDS = 2;

/** Evidence stays put, and a download link stops working when it says it does. */
describe('disclosure links and evidence', () => {
  let stack: RequestsStack;
  let officer: ReturnType<typeof officerApi>;
  let legal: ReturnType<typeof staffApi>;
  let legalToken: string;
  const minio = () => {
    const url = new URL(testInfra.minioEndpoint);
    return new Minio.Client({
      endPoint: url.hostname,
      port: Number(url.port),
      useSSL: false,
      accessKey: testInfra.minioUser,
      secretKey: testInfra.minioPassword,
    });
  };

  beforeAll(async () => {
    stack = await bootRequestsStack({ requests: { DISCLOSURE_LINK_TTL_SECONDS: String(LINK_TTL_SECONDS) } });
    officer = officerApi(stack.gateway.url, (await stack.officer()).accessToken);
    legalToken = (await stack.staff(['legal'])).accessToken;
    legal = staffApi(stack.requests.url, legalToken);
  }, 180_000);

  afterAll(() => stack?.close());

  it('puts an attached official document under legal hold: its stored version cannot be deleted', async () => {
    const created = await officer.create().expect(201);
    const document = await officer.upload(created.body.id, 'court_order', samplePdf()).expect(201);
    const stored = await stack.requestsDb
      .collection('information_requests')
      .findOne({ _id: created.body.id } as never);
    const objectKey = stored!.documents.find(
      (entry: { id: string }) => entry.id === document.body.id,
    ).objectKey;
    const client = minio();
    const { versionId } = await client.statObject(BUCKETS.requestDocuments, objectKey);
    expect(
      await client.getObjectLegalHold(BUCKETS.requestDocuments, objectKey, { versionId: versionId! }),
    ).toEqual({ Status: 'ON' });
    const refusal = await client
      .removeObject(BUCKETS.requestDocuments, objectKey, { versionId: versionId! })
      .then(
        () => 'deleted',
        (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
      );
    expect(refusal).toBe('InvalidRequest: Object is WORM protected and cannot be overwritten');
    const again = await client.statObject(BUCKETS.requestDocuments, objectKey, { versionId: versionId! });
    expect(again.size).toBe(document.body.size);
  });

  it('serves a released package through its link, records the download, and refuses the link once expired', async () => {
    const created = await officer.create().expect(201);
    const id = created.body.id as string;
    await officer.upload(id).expect(201);
    await officer.submit(id).expect(200);
    await legal.assign(id).expect(200);
    await legal.approve(id).expect(200);
    const records = Buffer.concat([samplePdf(), Buffer.from(`\n% records of ${id}\n`)]);
    await legal.uploadPackage(id, records, 'records.pdf').expect(201);
    await settleNotices(id, created.body.subjects.length);
    const [listed] = await waitFor('the package released', async () => {
      const items = (await officer.disclosures(id).expect(200)).body.items as {
        download: { url: string; expiresAt: string };
      }[];
      return items.length ? items : undefined;
    });
    const ttl = Date.parse(listed.download.expiresAt) - Date.now();
    expect(ttl).toBeLessThanOrEqual(LINK_TTL_SECONDS * 1000);

    const downloaded = await officer.download(listed.download.url).expect(200);
    expect(Buffer.compare(downloaded.body as Buffer, records)).toBe(0);
    expect(downloaded.headers['content-disposition']).toMatch(/^attachment; filename="records\.pdf"$/);
    expect(downloaded.headers['x-content-type-options']).toBe('nosniff');
    const stored = await stack.requestsDb.collection('information_requests').findOne({ _id: id } as never);
    expect(stored!.downloads).toHaveLength(1);

    // Not a sleep: poll until the link's own expiry has passed, then it must fail.
    await waitFor(
      'the link to expire',
      async () => Date.now() > Date.parse(listed.download.expiresAt) || undefined,
    );
    const expired = await officer.download(listed.download.url);
    expect(expired.status).toBe(404);
    const after = await stack.requestsDb.collection('information_requests').findOne({ _id: id } as never);
    expect(after!.downloads).toHaveLength(1);
  });

  it('takes a keyed package upload retried once: one package, and the retry’s copy is removed', async () => {
    const created = await officer.create().expect(201);
    const id = created.body.id as string;
    await officer.upload(id).expect(201);
    await officer.submit(id).expect(200);
    await legal.assign(id).expect(200);
    await legal.approve(id).expect(200);
    const before = await storedObjects(BUCKETS.disclosures);
    const upload = () =>
      request(stack.requests.url)
        .post(`/internal/requests/${id}/disclosures`)
        .set('authorization', `Bearer ${legalToken}`)
        .set('idempotency-key', `package-${id}`)
        .attach('file', samplePdf(), { filename: 'records.pdf', contentType: 'application/pdf' });
    const first = await upload().expect(201);
    const retried = await upload().expect(201);
    expect(retried.body.disclosures).toEqual(first.body.disclosures);
    expect(first.body.disclosures).toHaveLength(1);
    const stored = await stack.requestsDb.collection('information_requests').findOne({ _id: id } as never);
    expect(stored!.disclosures).toHaveLength(1);
    expect(newObjectKeys(before, await storedObjects(BUCKETS.disclosures))).toEqual([
      stored!.disclosures[0].objectKey,
    ]);
  });
});
