import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { Clock } from '@lers/clock';
import { EVENT_TOPICS } from '@lers/contracts';
import { LeasedJobs } from '@lers/jobs';
import {
  KafkaProbe,
  mailCatcher,
  openTestDatabase,
  produceRaw,
  waitFor,
  type RunningService,
} from '@lers/testing';
import { bootAccess, bootNotification } from '../../../test/e2e/backbone-harness';
import { adminLogin } from '../../access/test/identity-helpers';
import { ORDER_LAPSE_JOB, ORDER_REVIEW_JOB } from '../src/notices/use-cases/release-lapsed-orders';
import { approvedEvent, exchangeUser, publishRequestEvent, staffMember } from './notice-helpers';

const DAY = 86_400_000;
const EVM = '0x52908400098527886E0F7030069857D2E4169EE7';

/**
 * User notices on the notification service fed with real request events over Kafka: who is told,
 * when, exactly once; what staff see and decide. Time is moved on the service's clock.
 */
describe('user notices', () => {
  let access: RunningService<object>;
  let notification: RunningService<{ MONGO_DB: string }>;
  /** A second replica on the same database and consumer group, up for the whole file. */
  let replica: RunningService<object>;
  let db: Connection;
  let legal: string;
  let probe: KafkaProbe;
  let offsetMs = 0;

  beforeAll(async () => {
    access = await bootAccess();
    notification = await bootNotification();
    replica = await bootNotification();
    db = await openTestDatabase(notification.config.MONGO_DB);
    const admin = (await adminLogin(access.url)).accessToken;
    legal = await staffMember(access.url, admin, ['legal']);
    probe = await KafkaProbe.watch(EVENT_TOPICS.notificationEvents);
    for (const service of [notification, replica])
      jest.spyOn(service.app.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + offsetMs));
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await probe?.stop();
    await replica?.close();
    await notification?.close();
    await access?.close();
    await db?.dropDatabase();
    await db?.close();
  });

  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const http = () => request(notification.url);
  const load = (users: object[]) => http().post('/internal/user-directory').set(as(legal)).send({ users });
  const notices = async (requestId: string) =>
    (await http().get('/internal/notices').query({ requestId }).set(as(legal)).expect(200)).body.items as {
      id: string;
      status: string;
      reason: string;
      settled: string | null;
      suppressedUntil: string | null;
    }[];
  const noticesWhen = (
    requestId: string,
    description: string,
    done: (items: Awaited<ReturnType<typeof notices>>) => boolean,
  ) =>
    waitFor(description, async () => {
      const items = await notices(requestId);
      return done(items) && items;
    });
  /** Settlements for `requestId`, one per event id (the relay may publish an event twice; consumers dedupe by id). */
  const settledFor = (requestId: string) => {
    const events = probe.seen
      .filter((message) => message.key === requestId)
      .map(
        (message) =>
          JSON.parse(message.value!) as { id: string; payload: { subjectIndex: number; outcome: string } },
      );
    return [...new Map(events.map((event) => [event.id, event.payload])).values()];
  };
  /** Everything published for `requestId` before this point has been seen (same key: same partition). */
  async function drainProbe(requestId: string) {
    const sentinel = randomUUID();
    await produceRaw(EVENT_TOPICS.notificationEvents, [
      { key: requestId, value: JSON.stringify({ sentinel }) },
    ]);
    await probe.waitForMessage('the sentinel', (message) => message.value?.includes(sentinel) ?? false);
    probe.seen.splice(
      probe.seen.findIndex((message) => message.value?.includes(sentinel)),
      1,
    );
  }
  /** Moves the service's clock to `days` after now (always forward: each job run is a new period). */
  function moveClockTo(days: number) {
    expect(days * DAY).toBeGreaterThan(offsetMs);
    offsetMs = days * DAY;
  }
  const alerts = async (requestId: string) =>
    (await http().get('/internal/alerts').query({ requestId }).set(as(legal)).expect(200)).body.items as {
      kind: string;
      noticeId: string | null;
    }[];

  describe('the user directory', () => {
    it('upserts by userId and finds users by any identifier in canonical form, with or without the chain', async () => {
      const user = exchangeUser();
      const wallet = { type: 'wallet_address', chain: 'eth', value: EVM };
      expect(
        (await load([{ ...user, identifiers: [...user.identifiers, wallet] }]).expect(200)).body,
      ).toEqual({
        upserted: 1,
      });
      const find = (query: Record<string, string>) =>
        http().get('/internal/user-directory').query(query).set(as(legal)).expect(200);
      const expected = { userId: user.userId, email: user.email, identifiers: expect.any(Array) };
      expect(
        (await find({ type: 'wallet_address', value: EVM.toLowerCase(), chain: 'eth' })).body.items,
      ).toEqual([expected]);
      expect((await find({ type: 'wallet_address', value: EVM.toLowerCase() })).body.items).toEqual([
        expected,
      ]);
      expect((await find({ type: 'wallet_address', value: EVM, chain: 'polygon' })).body.items).toEqual([]);
      const email = user.identifiers[1].value;
      expect(
        (await find({ type: 'email', value: email.replace('Customers.TEST', 'customers.test') })).body.items,
      ).toEqual([expected]);

      // A second load replaces the record: the wallet it no longer lists no longer finds the user.
      await load([{ ...user, email: `new-${user.email}` }]).expect(200);
      expect((await find({ type: 'wallet_address', value: EVM, chain: 'eth' })).body.items).toEqual([]);
      expect((await find({ type: 'uid', value: user.userId })).body.items).toEqual([
        { ...expected, email: `new-${user.email}` },
      ]);
    });

    it('refuses bad input with problem+json and stores nothing of it', async () => {
      const user = exchangeUser();
      const unknownField = await load([{ ...user, nickname: 'x' }]).expect(400);
      expect(unknownField.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(unknownField.body.code).toBe('validation_failed');
      const badAddress = await load([
        { ...user, identifiers: [{ type: 'wallet_address', chain: 'eth', value: '0x1234' }] },
      ]).expect(400);
      expect(badAddress.body.errors[0].field).toMatch(/^users\.0\.identifiers\.0\.value/);
      const twice = await load([user, user]).expect(400);
      expect(twice.body.errors).toEqual([{ field: 'users.1.userId', message: 'appears more than once' }]);
      expect(await db.collection('directory_users').findOne({ _id: user.userId as never })).toBeNull();
    });

    it('is for legal staff only', async () => {
      await http().get('/internal/user-directory').query({ type: 'uid', value: 'U-1' }).expect(401);
      const admin = (await adminLogin(access.url)).accessToken;
      const refused = await http()
        .get('/internal/user-directory')
        .query({ type: 'uid', value: 'U-1' })
        .set(as(admin));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    });
  });

  it('tells a user once for all their subjects, refers an unmatched subject to staff, who may waive it', async () => {
    const user = exchangeUser();
    await load([user]).expect(200);
    const requestId = `req-${randomUUID()}`;
    const event = approvedEvent({
      requestId,
      subjects: [
        { type: 'uid', value: user.userId },
        { type: 'email', value: user.identifiers[1].value.toLowerCase().replace('holder', 'Holder') },
        { type: 'email', value: `nobody-${randomUUID().slice(0, 6)}@nowhere.test` },
      ],
    });
    await publishRequestEvent(event);

    const settled = await noticesWhen(
      requestId,
      'two delivered notices',
      (items) => items.filter((notice) => notice.status === 'delivered').length === 2,
    );
    expect(settled.map(({ status, reason, settled: outcome }) => [status, reason, outcome])).toEqual([
      ['delivered', 'sending', 'delivered'],
      ['delivered', 'sending', 'delivered'],
      ['pending', 'no_matching_user', null],
    ]);
    expect(await mailCatcher.to(user.email)).toHaveLength(1);
    expect(await alerts(requestId)).toEqual([
      expect.objectContaining({ kind: 'notice_no_matching_user', noticeId: `${requestId}:2` }),
    ]);

    // The handler runs again as after a crash before the inbox recorded it: nothing is sent twice.
    await db.collection('processed_events').deleteMany({ eventId: event.id });
    await publishRequestEvent(event);
    await waitFor('the event applied again', () =>
      db.collection('processed_events').findOne({ eventId: event.id, status: 'done' }),
    );
    expect(await mailCatcher.to(user.email)).toHaveLength(1);
    expect(await alerts(requestId)).toHaveLength(1);

    const blank = await http()
      .post(`/internal/notices/${requestId}:2/waive`)
      .set(as(legal))
      .send({ reason: '  ' });
    expect([blank.status, blank.body.code]).toEqual([422, 'decision_reason_required']);
    const waived = await http()
      .post(`/internal/notices/${requestId}:2/waive`)
      .set(as(legal))
      .send({ reason: 'No account at the exchange.' })
      .expect(200);
    expect(waived.body).toMatchObject({ status: 'suppressed', reason: 'waived', settled: 'waived' });
    expect(waived.body.decision).toMatchObject({ kind: 'waived', reason: 'No account at the exchange.' });
    const again = await http()
      .post(`/internal/notices/${requestId}:2/waive`)
      .set(as(legal))
      .send({ reason: 'Again.' });
    expect([again.status, again.body.code]).toEqual([409, 'invalid_transition']);
    const delivered = await http()
      .post(`/internal/notices/${requestId}:0/waive`)
      .set(as(legal))
      .send({ reason: 'x' });
    expect(delivered.status).toBe(409);
    await http().post(`/internal/notices/nope/waive`).set(as(legal)).send({ reason: 'x' }).expect(404);
    expect((await notices(requestId)).map((notice) => notice.status)).toEqual([
      'delivered',
      'delivered',
      'suppressed',
    ]);

    await drainProbe(requestId);
    expect(settledFor(requestId).sort((a, b) => a.subjectIndex - b.subjectIndex)).toEqual([
      { requestId, subjectIndex: 0, outcome: 'delivered' },
      { requestId, subjectIndex: 1, outcome: 'delivered' },
      { requestId, subjectIndex: 2, outcome: 'waived' },
    ]);
  });

  it('under an upheld order: no notice while it runs, exactly one when it lapses, run by one of two replicas', async () => {
    const user = exchangeUser();
    await load([user]).expect(200);
    const requestId = `req-${randomUUID()}`;
    const until = new Date(Date.now() + 10 * DAY).toISOString();
    await publishRequestEvent(
      approvedEvent({
        requestId,
        subjects: [{ type: 'uid', value: user.userId }],
        nonDisclosure: { ordered: true, until, upheld: true },
      }),
    );
    const [held] = await noticesWhen(requestId, 'the suppressed notice', (items) => items.length === 1);
    expect(held).toMatchObject({
      status: 'suppressed',
      reason: 'non_disclosure_order',
      settled: 'suppressed',
    });
    expect(held.suppressedUntil).toBe(until);
    await probe.waitForMessage('the suppressed settlement', (message) => message.key === requestId);
    expect(await db.collection('outgoing_emails').countDocuments({ to: user.email })).toBe(0);
    expect(await mailCatcher.to(user.email)).toHaveLength(0);

    moveClockTo(9); // still running
    await notification.app.get(LeasedJobs).runNow(ORDER_LAPSE_JOB);
    expect((await notices(requestId))[0].status).toBe('suppressed');

    moveClockTo(11);
    const ran = await Promise.all(
      [notification, replica].map((service) => service.app.get(LeasedJobs).runNow(ORDER_LAPSE_JOB)),
    );
    expect(ran.sort()).toEqual([false, true]);
    await noticesWhen(requestId, 'the notice delivered', (items) => items[0].status === 'delivered');
    expect(await mailCatcher.to(user.email)).toHaveLength(1);
    expect((await notices(requestId))[0]).toMatchObject({ status: 'delivered', settled: 'suppressed' });
    await drainProbe(requestId);
    expect(settledFor(requestId)).toEqual([{ requestId, subjectIndex: 0, outcome: 'suppressed' }]);
  });

  it('an order without an end date: staff are alerted, reminded every 90 days, and may lift it', async () => {
    const user = exchangeUser();
    await load([user]).expect(200);
    const requestId = `req-${randomUUID()}`;
    await publishRequestEvent(
      approvedEvent({
        requestId,
        subjects: [{ type: 'uid', value: user.userId }],
        nonDisclosure: { ordered: true, upheld: true },
      }),
    );
    const [held] = await noticesWhen(requestId, 'the suppressed notice', (items) => items.length === 1);
    expect(held).toMatchObject({ status: 'suppressed', suppressedUntil: null, settled: 'suppressed' });
    expect(await alerts(requestId)).toEqual([expect.objectContaining({ kind: 'non_disclosure_open_ended' })]);

    const jobs = notification.app.get(LeasedJobs);
    const openedAt = offsetMs / DAY;
    moveClockTo(openedAt + 60);
    await jobs.runNow(ORDER_LAPSE_JOB); // no end date: never lapses by itself
    await jobs.runNow(ORDER_REVIEW_JOB);
    expect(await alerts(requestId)).toHaveLength(1);
    moveClockTo(openedAt + 90.1);
    expect(await jobs.runNow(ORDER_REVIEW_JOB)).toBe(true);
    expect(await alerts(requestId)).toHaveLength(2);
    moveClockTo(openedAt + 91);
    expect(await jobs.runNow(ORDER_REVIEW_JOB)).toBe(true);
    expect(await alerts(requestId)).toHaveLength(2);
    expect(await mailCatcher.to(user.email)).toHaveLength(0);

    const lifted = await http()
      .post(`/internal/notices/${held.id}/lift-order`)
      .set(as(legal))
      .send({ reason: 'The court discharged the order.' })
      .expect(200);
    expect(lifted.body).toMatchObject({ status: 'pending', reason: 'sending', settled: 'suppressed' });
    await noticesWhen(requestId, 'the notice delivered', (items) => items[0].status === 'delivered');
    expect(await mailCatcher.to(user.email)).toHaveLength(1);
  });

  it('alerts staff once when a request waiting for them nears its due date and once when it is past', async () => {
    const requestId = `req-${randomUUID()}`;
    const base = Date.now() + offsetMs;
    const move = (to: string, dueBy: Date) =>
      publishRequestEvent({
        id: randomUUID(),
        type: 'requests.request.status_changed',
        version: 1,
        occurredAt: new Date().toISOString(),
        correlationId: randomUUID(),
        producer: 'requests',
        key: requestId,
        payload: {
          requestId,
          caseNumber: 'LERS-2026-000888',
          officerId: 'officer-1',
          agencyId: 'agency-1',
          from: 'draft',
          to,
          dueBy: dueBy.toISOString(),
        },
      } as never);
    const dueBy = new Date(base + 3 * DAY);
    await move('submitted', dueBy);
    await waitFor('the deadline recorded', () =>
      db.collection('request_deadlines').findOne({ _id: requestId as never }),
    );
    const jobs = notification.app.get(LeasedJobs);
    const kinds = async () => (await alerts(requestId)).map((alert) => alert.kind).sort();

    moveClockTo(base / DAY - Date.now() / DAY + 1); // 2 days left: not yet
    await jobs.runNow('request-deadline-alerts');
    expect(await kinds()).toEqual([]);
    moveClockTo(base / DAY - Date.now() / DAY + 2.5); // 12 hours left
    await jobs.runNow('request-deadline-alerts');
    expect(await kinds()).toEqual(['request_due_soon']);
    moveClockTo(base / DAY - Date.now() / DAY + 2.6);
    await jobs.runNow('request-deadline-alerts');
    expect(await kinds()).toEqual(['request_due_soon']);
    moveClockTo(base / DAY - Date.now() / DAY + 3.1); // past due
    await Promise.all([jobs.runNow('request-deadline-alerts'), jobs.runNow('request-deadline-alerts')]);
    expect(await kinds()).toEqual(['request_due_soon', 'request_overdue']);
  });
});
