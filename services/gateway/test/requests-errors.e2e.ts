import request from 'supertest';
import { BUCKETS } from '@lers/contracts';
import {
  disguisedExecutable,
  informationRequestForm,
  newObjectKeys,
  samplePdf,
  samplePng,
  storedObjects,
} from '@lers/testing';
import { bootRequestsStack, type RequestsStack } from '../../../test/e2e/backbone-harness';
import { movesOf, officerApi, staffApi, storedRequest } from './request-flows';

const MAX_BYTES = 64 * 1024;

/** Every refusal of the agency requests API: the right status and code, and nothing changed. */
describe('requests for information: refusals', () => {
  let stack: RequestsStack;
  let officer: ReturnType<typeof officerApi>;
  let staff: ReturnType<typeof staffApi>;
  let staffToken: string;

  beforeAll(async () => {
    stack = await bootRequestsStack({ gateway: { MAX_DOCUMENT_BYTES: String(MAX_BYTES) } });
    officer = officerApi(stack.gateway.url, (await stack.officer()).accessToken);
    staffToken = (await stack.staff(['legal'])).accessToken;
    staff = staffApi(stack.requests.url, staffToken);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const requests = () => stack.requestsDb.collection('information_requests');
  const stored = (id: string) => storedRequest(stack.requestsDb, id);
  const draft = async () => (await officer.create().expect(201)).body.id as string;

  describe('400 validation_failed', () => {
    it('refuses an unknown field and an operator object as a subject value, storing nothing', async () => {
      const before = await requests().countDocuments();
      const unknown = await officer.create({ ...informationRequestForm(), priority: 'high' }).expect(400);
      expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(unknown.body).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ field: 'priority' })],
      });
      const injected = await officer
        .create(informationRequestForm({ subjects: [{ type: 'email', value: { $gt: '' } }] }))
        .expect(400);
      expect(injected.body.code).toBe('validation_failed');
      expect(injected.body.errors).toEqual([expect.objectContaining({ field: 'subjects.0.value' })]);
      // No store keeps a NUL character: a 400 naming the field, not a 500 from the store.
      const nul = await officer
        .create(informationRequestForm({ summary: `${'Facts of the case, '.repeat(4)}\u0000 and more` }))
        .expect(400);
      expect([nul.body.code, nul.body.errors]).toEqual([
        'validation_failed',
        [{ field: 'summary', message: 'must not contain NUL characters' }],
      ]);
      expect(await requests().countDocuments()).toBe(before);
    });

    it('refuses an unknown document kind (naming `kind`), a file under another name and a missing file', async () => {
      const id = await draft();
      const objects = await storedObjects(BUCKETS.requestDocuments);
      const kind = await officer.upload(id, 'affidavit').expect(400);
      expect(kind.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
      await officer.upload(id).expect(201);
      const wrongField = await request(stack.gateway.url)
        .post(`/v1/requests/${id}/documents`)
        .set('authorization', officer.authorization)
        .field('kind', 'court_order')
        .attach('document', samplePdf(), 'order.pdf')
        .expect(400);
      expect(wrongField.body.errors).toEqual([expect.objectContaining({ field: 'document' })]);
      const noBoundary = await request(stack.gateway.url)
        .post(`/v1/requests/${id}/documents`)
        .set('authorization', officer.authorization)
        .set('content-type', 'multipart/form-data')
        .send('--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncourt_order\r\n--x--\r\n')
        .expect(400);
      expect(noBoundary.body.errors).toEqual([
        { field: 'content-type', message: 'multipart/form-data needs a boundary' },
      ]);
      const missing = await request(stack.gateway.url)
        .post(`/v1/requests/${id}/documents`)
        .set('authorization', officer.authorization)
        .field('kind', 'court_order')
        .expect(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
      // Only the one good upload was kept: refused ones leave no object behind.
      expect(newObjectKeys(objects, await storedObjects(BUCKETS.requestDocuments))).toHaveLength(1);
      expect((await stored(id))?.documents).toHaveLength(1);
    });
  });

  it('415 unsupported_document for an executable named .pdf; nothing stored', async () => {
    const id = await draft();
    const objects = await storedObjects(BUCKETS.requestDocuments);
    const response = await officer
      .upload(id, 'court_order', disguisedExecutable(), { fileName: 'warrant.pdf' })
      .expect(415);
    expect(response.body).toMatchObject({ status: 415, code: 'unsupported_document' });
    await officer.upload(id, 'supporting', samplePng(), { fileName: 'photo.bin' }).expect(201);
    expect((await stored(id))?.documents.map((d: { contentType: string }) => d.contentType)).toEqual([
      'image/png',
    ]);
    expect(newObjectKeys(objects, await storedObjects(BUCKETS.requestDocuments))).toHaveLength(1);
  });

  it('413 document_too_large for an upload far past the limit, stopped mid-stream; nothing stored', async () => {
    const id = await draft();
    const objects = await storedObjects(BUCKETS.requestDocuments);
    const response = await officer.upload(id, 'court_order', samplePdf(64 * MAX_BYTES)).expect(413);
    expect(response.body).toMatchObject({ status: 413, code: 'document_too_large' });
    expect((await stored(id))?.documents).toEqual([]);
    expect(newObjectKeys(objects, await storedObjects(BUCKETS.requestDocuments))).toEqual([]);
  });

  it('422 official_document_required: a draft with only supporting papers stays a draft', async () => {
    const id = await draft();
    await officer.upload(id, 'supporting').expect(201);
    const response = await officer.submit(id).expect(422);
    expect(response.body.code).toBe('official_document_required');
    const after = await stored(id);
    expect(after).toMatchObject({ status: 'draft', history: [] });
    expect((await officer.read(id).expect(200)).body.status).toBe('draft');
  });

  it('submits once when five submits race: one 200, the others 409, one move in history', async () => {
    const id = await draft();
    await officer.upload(id).expect(201);
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => officer.submit(id)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'invalid_transition')).toBe(
      true,
    );
    expect(movesOf((await officer.read(id).expect(200)).body)).toEqual(['draft→submitted']);
  });

  it('409 invalid_transition on withdraw after a decision; nothing changed', async () => {
    const id = await draft();
    await officer.upload(id).expect(201);
    await officer.submit(id).expect(200);
    await staff.assign(id).expect(200);
    await staff.reject(id, 'The order does not name this exchange or any of its users.').expect(200);
    const before = await stored(id);
    const response = await officer.withdraw(id).expect(409);
    expect(response.body.code).toBe('invalid_transition');
    expect(await stored(id)).toEqual(before);
  });

  it('404 for a request that does not exist', async () => {
    const response = await officer.read('no-such-request').expect(404);
    expect(response.body.code).toBe('not_found');
  });

  it('401 without a valid token and 403 with a staff token, on every route', async () => {
    const id = await draft();
    const routes = [
      () => request(stack.gateway.url).post('/v1/requests').send(informationRequestForm()),
      () => request(stack.gateway.url).get('/v1/requests'),
      () => request(stack.gateway.url).get(`/v1/requests/${id}`),
      () => request(stack.gateway.url).post(`/v1/requests/${id}/submit`),
      () => request(stack.gateway.url).post(`/v1/requests/${id}/withdraw`),
      () => request(stack.gateway.url).post(`/v1/requests/${id}/messages`).send({ body: 'hello' }),
      () => request(stack.gateway.url).get(`/v1/requests/${id}/messages`),
      () => request(stack.gateway.url).get(`/v1/requests/${id}/disclosures`),
      () =>
        request(stack.gateway.url).post(`/v1/requests/${id}/documents`).attach('file', samplePdf(), 'a.pdf'),
      () => request(stack.gateway.url).get('/v1/disclosure-downloads/aaaaaaaaaaaaaaaaaaaaaaaa.bbbb'),
    ];
    for (const route of routes) {
      expect((await route()).status).toBe(401);
      expect((await route().set('authorization', 'Bearer not-a-token')).status).toBe(401);
      const staffCall = await route().set('authorization', `Bearer ${staffToken}`);
      expect([staffCall.status, staffCall.body.code]).toEqual([403, 'forbidden']);
    }
    expect(await stored(id)).toMatchObject({ status: 'draft', documents: [] });
  });
});
