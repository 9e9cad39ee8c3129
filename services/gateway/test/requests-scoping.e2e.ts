import { BUCKETS } from '@lers/contracts';
import { informationRequestForm, newObjectKeys, samplePdf, storedObjects, waitFor } from '@lers/testing';
import { bootRequestsStack, type RequestsStack } from '../../../test/e2e/backbone-harness';
import { officerApi, settleNotices, staffApi, storedRequest } from './request-flows';

/** Another agency's officer who guesses every id of agency A's request sees nothing and changes nothing. */
describe('requests for information: each agency sees only its own', () => {
  let stack: RequestsStack;
  let agencyA: ReturnType<typeof officerApi>;
  let agencyB: ReturnType<typeof officerApi>;
  let requestId: string;
  let ids: string[];
  let downloadUrl: string;

  beforeAll(async () => {
    stack = await bootRequestsStack();
    agencyA = officerApi(stack.gateway.url, (await stack.officer()).accessToken);
    agencyB = officerApi(stack.gateway.url, (await stack.officer()).accessToken);
    const staff = staffApi(stack.requests.url, (await stack.staff(['legal'])).accessToken);

    const form = informationRequestForm();
    requestId = (await agencyA.create(form).expect(201)).body.id;
    const documentId = (await agencyA.upload(requestId).expect(201)).body.id;
    await agencyA.submit(requestId).expect(200);
    await staff.assign(requestId).expect(200);
    await staff.requestInfo(requestId, 'Which account do you mean?').expect(200);
    const messageId = (await agencyA.postMessage(requestId, 'The one in the order.').expect(201)).body.id;
    await staff.approve(requestId).expect(200);
    await staff.uploadPackage(requestId, samplePdf(512), 'records.pdf').expect(201);
    await settleNotices(requestId, form.subjects.length);
    const [disclosure] = await waitFor('the package released', async () => {
      const { items } = (await agencyA.disclosures(requestId).expect(200)).body;
      return items.length ? items : undefined;
    });
    downloadUrl = disclosure.download.url;
    ids = [requestId, documentId, messageId, disclosure.id];
  });

  afterAll(async () => {
    await stack?.close();
  });

  const snapshot = () => storedRequest(stack.requestsDb, requestId);

  it('answers 404 not_found to every route with any of A’s ids, and changes nothing', async () => {
    const before = await snapshot();
    const objects = await storedObjects(BUCKETS.requestDocuments);
    for (const id of ids) {
      const answers = await Promise.all([
        agencyB.read(id),
        agencyB.submit(id),
        agencyB.withdraw(id),
        agencyB.upload(id),
        agencyB.postMessage(id, 'let me in'),
        agencyB.messages(id),
        agencyB.disclosures(id),
      ]);
      for (const answer of answers)
        expect([id, answer.status, answer.body.code]).toEqual([id, 404, 'not_found']);
    }
    expect(await snapshot()).toEqual(before);
    // The uploads B streamed were discarded once the service refused them.
    expect(newObjectKeys(objects, await storedObjects(BUCKETS.requestDocuments))).toEqual([]);
  });

  it('does not list A’s request among B’s', async () => {
    expect((await agencyB.list().expect(200)).body.items).toEqual([]);
  });

  it('answers 404 to B following A’s download link, records no download, while A can still use it', async () => {
    const response = await agencyB.download(downloadUrl);
    expect(response.status).toBe(404);
    expect(JSON.parse((response.body as Buffer).toString()).code).toBe('not_found');
    expect((await snapshot())?.downloads).toEqual([]);
    await agencyA.download(downloadUrl).expect(200);
    expect((await snapshot())?.downloads).toHaveLength(1);
  });
});
