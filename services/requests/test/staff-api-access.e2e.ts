import request from 'supertest';
import { bootRequestsStack, type RequestsStack } from '../../../test/e2e/backbone-harness';
import { officerApi, staffApi } from '../../gateway/test/request-flows';

/** Who may use the legal team's API, and what a refused call leaves behind (nothing). */
describe('the legal team’s API', () => {
  let stack: RequestsStack;
  let officerToken: string;
  let officer: ReturnType<typeof officerApi>;
  let legal: ReturnType<typeof staffApi>;
  let legalAuth: string;
  let reviewerToken: string;

  beforeAll(async () => {
    stack = await bootRequestsStack();
    officerToken = (await stack.officer()).accessToken;
    officer = officerApi(stack.gateway.url, officerToken);
    const legalToken = (await stack.staff(['legal'])).accessToken;
    legal = staffApi(stack.requests.url, legalToken);
    legalAuth = `Bearer ${legalToken}`;
    reviewerToken = (await stack.staff(['reviewer'])).accessToken;
  }, 180_000);

  afterAll(() => stack?.close());

  /** The request as stored, without the outbox and audit queue their relays empty on their own schedule. */
  async function stored(id: string) {
    const document = await stack.requestsDb.collection('information_requests').findOne({ _id: id } as never);
    const {
      outbox: _outbox,
      outboxPending: _pending,
      auditPending: _audit,
      auditQueued: _queued,
      ...rest
    } = document!;
    return rest;
  }

  async function submitted() {
    const created = await officer.create().expect(201);
    await officer.upload(created.body.id).expect(201);
    await officer.submit(created.body.id).expect(200);
    return created.body.id as string;
  }

  it('refuses no token (401), an officer token (403) and a staff member without the legal role (403)', async () => {
    const id = await submitted();
    const before = await stored(id);
    const http = request(stack.requests.url);
    expect((await http.post(`/internal/requests/${id}/assign`)).status).toBe(401);
    const asOfficer = await http
      .post(`/internal/requests/${id}/assign`)
      .set('authorization', `Bearer ${officerToken}`);
    expect([asOfficer.status, asOfficer.body.code]).toEqual([403, 'forbidden']);
    const asReviewer = await http
      .post(`/internal/requests/${id}/approve`)
      .set('authorization', `Bearer ${reviewerToken}`)
      .send({ nonDisclosureUpheld: false });
    expect([asReviewer.status, asReviewer.body.code]).toEqual([403, 'forbidden']);
    expect(await stored(id)).toEqual(before);
  });

  it('does not show staff an officer’s draft (404), and a draft is not in the queue', async () => {
    const draft = (await officer.create().expect(201)).body.id as string;
    expect((await legal.read(draft)).status).toBe(404);
    expect((await legal.assign(draft)).status).toBe(404);
    const queue = await request(stack.requests.url)
      .get('/internal/requests')
      .query({ limit: 100 })
      .set('authorization', legalAuth)
      .expect(200);
    expect(queue.body.items.map((item: { id: string }) => item.id)).not.toContain(draft);
  });

  it('refuses unknown fields and a missing decision with 400, changing nothing', async () => {
    const id = await submitted();
    await legal.assign(id).expect(200);
    const before = await stored(id);
    const http = request(stack.requests.url);
    const auth = legalAuth;
    const extra = await http
      .post(`/internal/requests/${id}/approve`)
      .set('authorization', auth)
      .send({ nonDisclosureUpheld: false, status: 'disclosed' });
    expect([extra.status, extra.body.code]).toEqual([400, 'validation_failed']);
    const missing = await http.post(`/internal/requests/${id}/approve`).set('authorization', auth).send({});
    expect([missing.status, missing.body.errors[0].field]).toEqual([400, 'nonDisclosureUpheld']);
    expect(await stored(id)).toEqual(before);
  });

  it('orders the queue by due date and pages through it without repeats', async () => {
    const ids = [await submitted(), await submitted(), await submitted()];
    const auth = legalAuth;
    const seen: { id: string; dueBy: string; overdue: boolean }[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await request(stack.requests.url)
        .get('/internal/requests')
        .query({ status: 'submitted', limit: 2, ...(cursor ? { cursor } : {}) })
        .set('authorization', auth)
        .expect(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((item) => item.id)).toEqual(expect.arrayContaining(ids));
    expect(new Set(seen.map((item) => item.id)).size).toBe(seen.length);
    const dues = seen.map((item) => Date.parse(item.dueBy));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(seen.every((item) => item.overdue === false)).toBe(true);
  });
});
