import { createHash, randomUUID } from 'node:crypto';
import { informationRequestForm, samplePdf, waitFor } from '@lers/testing';
import { bootRequestsStack, type RequestsStack } from '../../../test/e2e/backbone-harness';
import { movesOf, officerApi, settleNotices, staffApi } from './request-flows';

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** A request for information over HTTP, from the officer's draft to the download of what was disclosed. */
describe('requests for information: the whole life of a request', () => {
  let stack: RequestsStack;
  let officer: ReturnType<typeof officerApi>;
  let staff: ReturnType<typeof staffApi>;

  beforeAll(async () => {
    stack = await bootRequestsStack();
    officer = officerApi(stack.gateway.url, (await stack.officer()).accessToken);
    staff = staffApi(stack.requests.url, (await stack.staff(['legal'])).accessToken);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const stored = (id: string) =>
    stack.requestsDb.collection('information_requests').findOne({ _id: id as never });

  it('goes draft → submitted → in review ⇄ info requested → approved → disclosed, and the officer downloads the package', async () => {
    const form = informationRequestForm();
    const draft = (await officer.create(form).expect(201)).body;
    expect(draft).toMatchObject({ status: 'draft', caseReference: form.caseReference, documents: [] });
    const id = draft.id as string;

    // `kind` after `file` is as good as before it.
    const order = samplePdf(100);
    const document = (await officer.upload(id, 'court_order', order, { kindFirst: false }).expect(201)).body;
    expect(document).toMatchObject({ kind: 'court_order', sha256: sha256(order), size: order.length });
    expect((await stored(id))?.documents).toEqual([
      expect.objectContaining({ id: document.id, kind: 'court_order', sha256: sha256(order) }),
    ]);

    const submitted = (await officer.submit(id).expect(200)).body;
    expect(submitted).toMatchObject({
      status: 'submitted',
      caseNumber: expect.stringMatching(/^LERS-\d{4}-\d{6}$/),
    });
    expect((await stored(id))?.status).toBe('submitted');

    await staff.assign(id).expect(200);
    await staff.requestInfo(id, 'Please send the sealed copy of the order.').expect(200);
    expect((await officer.read(id).expect(200)).body.status).toBe('info_requested');
    const thread = (await officer.messages(id).expect(200)).body;
    expect(
      thread.items.map((m: { author: { kind: string }; body: string }) => [m.author.kind, m.body]),
    ).toEqual([['staff', 'Please send the sealed copy of the order.']]);

    const answer = await officer.postMessage(id, 'The sealed copy is attached to the case file.').expect(201);
    expect(answer.body).toMatchObject({
      author: { kind: 'officer' },
      body: 'The sealed copy is attached to the case file.',
    });
    expect((await stored(id))?.status).toBe('in_review');

    await staff.approve(id).expect(200);
    expect((await stored(id))?.status).toBe('approved');
    const records = samplePdf(2048);
    await staff.uploadPackage(id, records, 'records.pdf').expect(201);
    // Held back until every subject's user has been told.
    expect((await officer.disclosures(id).expect(200)).body.items).toEqual([]);

    await settleNotices(id, form.subjects.length);
    const [disclosure] = await waitFor('the package released', async () => {
      const { items } = (await officer.disclosures(id).expect(200)).body;
      return items.length ? items : undefined;
    });
    expect(disclosure).toMatchObject({
      fileName: 'records.pdf',
      sha256: sha256(records),
      size: records.length,
    });
    const expiresIn = Date.parse(disclosure.download.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(0);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60_000);

    const download = await officer.download(disclosure.download.url).expect(200);
    expect(Buffer.compare(download.body as Buffer, records)).toBe(0);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="records.pdf"',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'x-content-sha256': sha256(records),
    });
    expect((await stored(id))?.downloads).toHaveLength(1);

    const final = (await officer.read(id).expect(200)).body;
    expect(final.status).toBe('disclosed');
    expect(movesOf(final)).toEqual([
      'draft→submitted',
      'submitted→in_review',
      'in_review→info_requested',
      'info_requested→in_review',
      'in_review→approved',
      'approved→disclosed',
    ]);
    const listed = (await officer.list({ status: 'disclosed' }).expect(200)).body;
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([id]);
  });

  it('creates nothing new when a create is retried with the same Idempotency-Key, even side by side', async () => {
    const requests = stack.requestsDb.collection('information_requests');
    const before = await requests.countDocuments();
    const key = randomUUID();
    const form = informationRequestForm();
    const first = await officer.create(form, key).expect(201);
    const retries = await Promise.all([1, 2, 3].map(() => officer.create(form, key)));
    for (const retry of retries) {
      // A copy arriving while the first still runs is told so; every other copy gets the first answer.
      if (retry.status === 409) expect(retry.body.code).toBe('idempotency_key_in_use');
      else expect(retry.body.id).toBe(first.body.id);
    }
    expect(await requests.countDocuments()).toBe(before + 1);
    const reused = await officer.create(informationRequestForm(), key).expect(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
    expect(await requests.countDocuments()).toBe(before + 1);
  });

  it('pages through the officer’s requests with nextCursor', async () => {
    const first = (await officer.list({ limit: '1' }).expect(200)).body;
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await officer.list({ limit: '1', cursor: first.nextCursor }).expect(200)).body;
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });
});
