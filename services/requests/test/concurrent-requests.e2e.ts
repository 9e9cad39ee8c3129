import { parseCaseNumber } from '../src/requests/domain/case-number';
import { bootRequests, bootRequestsStack, type RequestsStack } from '../../../test/e2e/backbone-harness';
import { movesOf, officerApi, settleNotices, staffApi } from '../../gateway/test/request-flows';
import { waitFor } from '@lers/testing';

/**
 * Rules that guard a number or a state, fired at concurrently, with two replicas of the requests
 * service sharing one database and one consumer group (as a scaled deployment runs).
 */
describe('requests under concurrency, two replicas', () => {
  let stack: RequestsStack;
  let secondReplica: Awaited<ReturnType<typeof bootRequests>>;
  let officer: ReturnType<typeof officerApi>;
  let legalA: ReturnType<typeof staffApi>;
  let legalB: ReturnType<typeof staffApi>;

  beforeAll(async () => {
    stack = await bootRequestsStack();
    secondReplica = await bootRequests();
    officer = officerApi(stack.gateway.url, (await stack.officer()).accessToken);
    legalA = staffApi(stack.requests.url, (await stack.staff(['legal'])).accessToken);
    legalB = staffApi(secondReplica.url, (await stack.staff(['legal'])).accessToken);
  }, 180_000);

  afterAll(async () => {
    await secondReplica?.close();
    await stack?.close();
  });

  async function submittedRequest(): Promise<string> {
    const created = await officer.create().expect(201);
    await officer.upload(created.body.id).expect(201);
    return created.body.id as string;
  }

  it('gives 20 concurrent submissions 20 distinct case numbers', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, submittedRequest));
    const submitted = await Promise.all(ids.map((id) => officer.submit(id)));
    expect(submitted.map((response) => response.status)).toEqual(ids.map(() => 200));
    const numbers = submitted.map((response) => response.body.caseNumber as string);
    expect(new Set(numbers).size).toBe(20);
    const year = new Date().getUTCFullYear();
    for (const number of numbers) expect(parseCaseNumber(number)?.year).toBe(year);
    // What was stored, not only what was answered.
    const stored = await stack.requestsDb
      .collection('information_requests')
      .find({ _id: { $in: ids } } as never)
      .toArray();
    expect(new Set(stored.map((request) => request.caseNumber)).size).toBe(20);
  });

  it('lets exactly one of two staff approvals through; the other is a 409 that changes nothing', async () => {
    const id = await submittedRequest();
    await officer.submit(id).expect(200);
    await legalA.assign(id).expect(200);
    const answers = await Promise.all([
      legalA.approve(id),
      legalB.approve(id),
      legalA.reject(id, 'duplicate'),
    ]);
    expect(answers.map((response) => response.status).sort()).toEqual([200, 409, 409]);
    for (const refused of answers.filter((response) => response.status === 409)) {
      expect(refused.body.code).toBe('invalid_transition');
    }
    const view = (await officer.read(id).expect(200)).body;
    expect(view.status).toBe('approved');
    expect(movesOf(view)).toEqual(['draft→submitted', 'submitted→in_review', 'in_review→approved']);
  });

  it('opens the release gate once when every subject is settled at the same moment', async () => {
    const id = await submittedRequest();
    await officer.submit(id).expect(200);
    await legalA.assign(id).expect(200);
    await legalA.approve(id).expect(200);
    await legalA.uploadPackage(id, Buffer.from('%PDF-1.4\n% records\n%%EOF\n'), 'records.pdf').expect(201);
    await legalB.uploadPackage(id, Buffer.from('%PDF-1.4\n% more records\n%%EOF\n'), 'more.pdf').expect(201);
    expect((await officer.disclosures(id).expect(200)).body.items).toEqual([]);

    await settleNotices(id, 2);
    const released = await waitFor('both packages released', async () => {
      const items = (await officer.disclosures(id).expect(200)).body.items as unknown[];
      return items.length === 2 ? items : undefined;
    });
    expect(released).toHaveLength(2);
    const view = (await officer.read(id).expect(200)).body;
    expect(view.status).toBe('disclosed');
    expect(movesOf(view).filter((move) => move === 'approved→disclosed')).toHaveLength(1);
  });
});
