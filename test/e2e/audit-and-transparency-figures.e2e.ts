import request from 'supertest';
import { openTestDatabase, waitFor } from '@lers/testing';
import type { AuditEntry } from '@lers/audit';
import { bootPreservationStack, type PreservationStack } from './backbone-harness';
import { officerOrders, staffOrders } from '../../services/preservation/test/preservation-flows';

const DAY = 86_400_000;
const at = (day: number, hours = 0) => new Date(Date.UTC(2019, 0, 1) + day * DAY + hours * 3_600_000);
/** Far in the past, so nothing the other tests create falls in the period. */
const PERIOD = { from: at(0).toISOString(), to: at(30).toISOString() };

/** The preservation service's audit trail, and the transparency figures of requests and preservation. */
describe('preservation audit trail and transparency figures', () => {
  let stack: PreservationStack;
  let auditor: string;
  let legalToken: string;
  let officerToken: string;

  beforeAll(async () => {
    stack = await bootPreservationStack({ withRequests: true });
    auditor = `Bearer ${(await stack.staff(['auditor'])).accessToken}`;
    legalToken = (await stack.staff(['legal'])).accessToken;
    officerToken = (await stack.officer()).accessToken;
  }, 180_000);

  afterAll(() => stack?.close());

  const entriesOf = async (entityId: string) =>
    (
      (
        await request(stack.preservation.url)
          .get('/internal/audit')
          .query({ entityId })
          .set('authorization', auditor)
          .expect(200)
      ).body.items as AuditEntry[]
    ).reverse();

  it('audits an order’s creation, its reads, its release, and another agency’s attempt (denied)', async () => {
    const id = (await officerOrders(stack.gateway.url, officerToken).create().expect(201)).body.id as string;
    await officerOrders(stack.gateway.url, officerToken).read(id).expect(200);
    const stranger = (await stack.officer()).accessToken;
    await officerOrders(stack.gateway.url, stranger).read(id).expect(404);
    await staffOrders(stack.preservation.url, legalToken).release(id).expect(200);
    // Changes reach the chain through the order's queue a moment after the write.
    const entries = await waitFor('four entries', async () => {
      const found = await entriesOf(id);
      return found.length >= 4 && found;
    });
    expect(entries.map((entry) => [entry.action, entry.outcome, entry.actor.kind])).toEqual([
      ['preservation.create', 'success', 'officer'],
      ['preservation.read', 'success', 'officer'],
      ['preservation.access', 'denied', 'officer'],
      ['preservation.release', 'success', 'staff'],
    ]);
    expect(entries[3].details).toEqual({ from: 'active', to: 'released' });
    const verdict = await request(stack.preservation.url)
      .get('/internal/audit/verify')
      .set('authorization', auditor)
      .expect(200);
    expect(verdict.body).toMatchObject({ valid: true });
  });

  describe('transparency figures', () => {
    const requestRows = [
      {
        country: 'US',
        processType: 'subpoena',
        status: 'disclosed',
        emergency: false,
        received: at(1),
        decided: at(4),
      },
      {
        country: 'US',
        processType: 'court_order',
        status: 'closed',
        closedFrom: 'rejected',
        emergency: false,
        received: at(2),
        decided: at(3),
      },
      {
        country: 'DE',
        processType: 'eu_epoc',
        status: 'in_review',
        emergency: true,
        received: at(5),
        decided: null,
      },
      {
        country: 'DE',
        processType: 'court_order',
        status: 'withdrawn',
        emergency: false,
        received: at(6),
        decided: null,
      },
      {
        country: 'FR',
        processType: 'subpoena',
        status: 'approved',
        emergency: false,
        received: at(10),
        decided: at(20),
      },
      {
        country: 'FR',
        processType: 'subpoena',
        status: 'rejected',
        emergency: true,
        received: at(29, 23),
        decided: at(31),
      },
      // Outside the period on either side.
      {
        country: 'GB',
        processType: 'subpoena',
        status: 'disclosed',
        emergency: false,
        received: at(-1),
        decided: at(1),
      },
      {
        country: 'GB',
        processType: 'subpoena',
        status: 'disclosed',
        emergency: false,
        received: at(30),
        decided: at(31),
      },
    ];
    const orderRows = [
      { country: 'GB', instrument: 'standard', status: 'active', received: at(1), ended: null },
      { country: 'US', instrument: 'us_2703f', status: 'expired', received: at(2), ended: at(92) },
      { country: 'US', instrument: 'us_2703f', status: 'released', received: at(3), ended: at(5) },
      { country: 'DE', instrument: 'eu_epoc_pr', status: 'released', received: at(4), ended: at(14) },
      { country: 'DE', instrument: 'eu_epoc_pr', status: 'active', received: at(31), ended: null },
    ];

    beforeAll(async () => {
      const requestsDb = await openTestDatabase(stack.requests!.config.MONGO_DB);
      await requestsDb.collection('information_requests').insertMany(
        requestRows.map((row, n) => ({
          _id: `seeded-request-${n}` as never,
          status: row.status,
          processType: row.processType,
          jurisdiction: { country: row.country },
          emergency: row.emergency ? { threat: 'imminent harm', certification: true } : null,
          submittedAt: row.received,
          decidedAt: row.decided,
          history: row.closedFrom ? [{ from: row.closedFrom, to: 'closed' }] : [],
        })),
      );
      await requestsDb.close();
      await stack.preservationDb.collection('preservation_orders').insertMany(
        orderRows.map((row, n) => ({
          _id: `seeded-order-${n}` as never,
          status: row.status,
          instrument: row.instrument,
          jurisdiction: { country: row.country },
          receivedAt: row.received,
          endedAt: row.ended,
        })),
      );
    });

    it('counts requests by country, process type, outcome and emergency, with the median days to decision', async () => {
      const report = await request(stack.requests!.url)
        .get('/internal/reports/transparency')
        .query(PERIOD)
        .set('authorization', auditor)
        .expect(200);
      // By hand from the rows above: six received in January 2019; decided after 3, 1, 10 and 1.04 days.
      expect(report.body).toEqual({
        ...PERIOD,
        total: 6,
        byCountry: { DE: 2, FR: 2, US: 2 },
        byProcessType: { court_order: 2, eu_epoc: 1, subpoena: 3 },
        byOutcome: { approved: 1, disclosed: 1, open: 1, rejected: 2, withdrawn: 1 },
        emergency: { emergency: 2, nonEmergency: 4 },
        decided: 4,
        medianDaysToDecision: 2.02,
      });
    });

    it('counts preservation orders by country, instrument and outcome, and the days until they ended', async () => {
      const report = await request(stack.preservation.url)
        .get('/internal/reports/transparency')
        .query({ ...PERIOD, format: 'csv' })
        .set('authorization', auditor)
        .expect(200)
        .expect('content-type', /text\/csv/);
      // Four received in the period; ended after 90, 2 and 10 days: median 10.
      expect(report.text.split('\r\n')).toEqual([
        'dimension,key,value',
        `period,from,${PERIOD.from}`,
        `period,to,${PERIOD.to}`,
        'total,all,4',
        'country,DE,1',
        'country,GB,1',
        'country,US,2',
        'process_type,eu_epoc_pr,1',
        'process_type,standard,1',
        'process_type,us_2703f,2',
        'outcome,active,1',
        'outcome,expired,1',
        'outcome,released,2',
        'emergency,emergency,0',
        'emergency,non_emergency,4',
        'decision,decided,3',
        'decision,median_days,10',
        '',
      ]);
    });

    it('refuses an officer (403), no token (401) and a period that ends before it starts (400)', async () => {
      for (const url of [stack.requests!.url, stack.preservation.url]) {
        const http = request(url);
        expect((await http.get('/internal/reports/transparency').query(PERIOD)).status).toBe(401);
        const asOfficer = await http
          .get('/internal/reports/transparency')
          .query(PERIOD)
          .set('authorization', `Bearer ${officerToken}`);
        expect([asOfficer.status, asOfficer.body.code]).toEqual([403, 'forbidden']);
        const backwards = await http
          .get('/internal/reports/transparency')
          .query({ from: PERIOD.to, to: PERIOD.from })
          .set('authorization', auditor);
        expect([backwards.status, backwards.body.code]).toEqual([400, 'validation_failed']);
      }
    });
  });
});
