import { EVENT_TOPICS, BUCKETS } from '@lers/contracts';
import { LeasedJobs } from '@lers/jobs';
import { informationRequestForm, KafkaProbe, waitFor } from '@lers/testing';
import {
  bootPreservation,
  bootPreservationStack,
  type PreservationStack,
} from '../../../test/e2e/backbone-harness';
import { officerApi } from '../../gateway/test/request-flows';
import { EXPIRY_JOB, REMINDER_JOB } from '../src/orders/preservation-jobs';
import { ExpireOrdersUseCase } from '../src/orders/use-cases/expire-orders';
import { RemindOfficersUseCase } from '../src/orders/use-cases/remind-officers';
import {
  DAY_MS,
  minioClient,
  officerOrders,
  setClock,
  staffOrders,
  storedOrder,
  tryDelete,
  WALLET,
} from './preservation-flows';

/**
 * Time moves on the injectable clock of two preservation replicas sharing one database and one
 * consumer group; every sweep is fired at both at once, through their leased jobs and directly.
 */
describe('expiry and reminders with two replicas', () => {
  let stack: PreservationStack;
  let second: Awaited<ReturnType<typeof bootPreservation>>;
  let probe: KafkaProbe;
  let officer: ReturnType<typeof officerOrders>;
  let requests: ReturnType<typeof officerApi>;
  let legal: ReturnType<typeof staffOrders>;

  beforeAll(async () => {
    stack = await bootPreservationStack({ withRequests: true });
    second = await bootPreservation();
    probe = await KafkaProbe.watch(EVENT_TOPICS.preservationEvents);
    const token = (await stack.officer()).accessToken;
    officer = officerOrders(stack.gateway.url, token);
    requests = officerApi(stack.gateway.url, token);
    legal = staffOrders(stack.preservation.url, (await stack.staff(['legal'])).accessToken);
  }, 180_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await probe?.stop();
    await second?.close();
    await stack?.close();
  });

  const replicas = () => [stack.preservation, second];
  const moveTo = (at: Date) => replicas().forEach((replica) => setClock(replica, at));
  /** Both replicas' leased job and both use cases directly (bypassing the lease), all at once. */
  async function sweepEverywhere(job: string, at: Date) {
    moveTo(at);
    const direct = job === EXPIRY_JOB ? ExpireOrdersUseCase : RemindOfficersUseCase;
    const runs = await Promise.all([
      ...replicas().map((replica) => replica.app.get(LeasedJobs).runNow(job)),
      ...replicas().map((replica) => replica.app.get(direct).run(at)),
    ]);
    return runs.slice(0, 2);
  }
  /** Delivery is at least once (two replicas' relays may both publish a write): one event is one id. */
  const eventsOf = (id: string, type: string) => [
    ...new Map(
      probe.seen
        .filter((message) => message.key === id)
        .map((message) => JSON.parse(message.value!))
        .filter((event) => event.type === type)
        .map((event) => [event.id, event]),
    ).values(),
  ];
  /** Lets the outbox relay publish, then some more, so a duplicate would have shown up too. */
  const settled = async (id: string, type: string, count: number) => {
    await probe.waitForMessage(`${count} × ${type}`, () => eventsOf(id, type).length >= count);
    const marker = (await officer.create().expect(201)).body.id as string;
    await probe.waitForMessage('the marker order’s holds', (message) => message.key === marker);
    return eventsOf(id, type);
  };
  const holdsOn = async () =>
    (await legal.holds({ type: 'wallet_address', chain: 'eth', value: WALLET }).expect(200)).body.items.map(
      (hold: { preservationId: string }) => hold.preservationId,
    );

  it('runs each sweep on one replica per period', async () => {
    moveTo(new Date(Date.now() + 3 * DAY_MS));
    const ran = await Promise.all(
      replicas().map((replica) => replica.app.get(LeasedJobs).runNow(EXPIRY_JOB)),
    );
    expect(ran.sort()).toEqual([false, true]);
  });

  it('reminds the officer at day 76 (14 days left) and day 87 (3 days left), once each', async () => {
    const { id, receivedAt } = (await officer.create().expect(201)).body;
    const day = (n: number) => new Date(Date.parse(receivedAt) + n * DAY_MS);
    await sweepEverywhere(REMINDER_JOB, new Date(day(76).getTime() - 1));
    expect((await storedOrder(stack.preservationDb, id))!.remindersSent).toEqual([]);

    await sweepEverywhere(REMINDER_JOB, day(76));
    await sweepEverywhere(REMINDER_JOB, day(80));
    await sweepEverywhere(REMINDER_JOB, day(87));
    await sweepEverywhere(REMINDER_JOB, day(89));

    const reminders = await settled(id, 'preservation.order.expiring', 2);
    expect(reminders.map((event) => event.payload.daysLeft)).toEqual([14, 3]);
    expect(reminders[0].payload).toMatchObject({ preservationId: id, preservedUntil: day(90).toISOString() });
    expect((await storedOrder(stack.preservationDb, id))!.remindersSent).toEqual([
      `${day(90).toISOString()}/14`,
      `${day(90).toISOString()}/3`,
    ]);
  });

  it('expires at day 90 exactly once, releasing each hold once and lifting the evidence hold', async () => {
    const { id, receivedAt } = (await officer.create().expect(201)).body;
    await officer.attach(id).expect(201);
    const day = (n: number) => new Date(Date.parse(receivedAt) + n * DAY_MS);
    await sweepEverywhere(EXPIRY_JOB, new Date(day(90).getTime() - 1));
    expect((await storedOrder(stack.preservationDb, id))!.status).toBe('active');
    expect(await holdsOn()).toContain(id);

    await sweepEverywhere(EXPIRY_JOB, day(90));
    await sweepEverywhere(EXPIRY_JOB, day(91));
    const released = await settled(id, 'preservation.hold.released', 2);
    expect(released).toHaveLength(2);
    expect(released.map((event) => event.payload.reason)).toEqual(['expired', 'expired']);
    const stored = await storedOrder(stack.preservationDb, id);
    expect(stored).toMatchObject({ status: 'expired', endedAt: day(90), evidenceHeld: false });
    expect(await holdsOn()).not.toContain(id);

    const { objectKey } = stored!.documents[0];
    const client = minioClient();
    const { versionId } = await client.statObject(BUCKETS.preservationDocuments, objectKey);
    expect(
      await client.getObjectLegalHold(BUCKETS.preservationDocuments, objectKey, { versionId: versionId! }),
    ).toEqual({ Status: 'OFF' });
    const extend = await officer.extend(id);
    expect([extend.status, extend.body.code]).toEqual([409, 'invalid_transition']);
    expect(await tryDelete(client, BUCKETS.preservationDocuments, objectKey, versionId!)).toBe('deleted');
  });

  it('follows an extension: no expiry at day 90, expiry at day 180', async () => {
    const { id, receivedAt } = (await officer.create().expect(201)).body;
    const day = (n: number) => new Date(Date.parse(receivedAt) + n * DAY_MS);
    moveTo(day(80));
    const extended = await officer.extend(id).expect(201);
    expect(extended.body.preservedUntil).toBe(day(180).toISOString());
    await sweepEverywhere(EXPIRY_JOB, day(90));
    expect((await storedOrder(stack.preservationDb, id))!.status).toBe('active');
    await sweepEverywhere(REMINDER_JOB, day(166));
    await sweepEverywhere(EXPIRY_JOB, day(180));
    expect((await storedOrder(stack.preservationDb, id))!.status).toBe('expired');
    const reminders = await settled(id, 'preservation.order.expiring', 1);
    expect(reminders.map((event) => [event.payload.daysLeft, event.payload.preservedUntil])).toEqual([
      [14, day(180).toISOString()],
    ]);
  });

  it('keeps the hold past day 90 while a citing request is open, and releases it when the request ends', async () => {
    const { id, receivedAt } = (await officer.create().expect(201)).body;
    const day = (n: number) => new Date(Date.parse(receivedAt) + n * DAY_MS);
    const citing = (await requests.create(informationRequestForm({ preservationId: id })).expect(201)).body
      .id;
    await waitFor('the order to know its citing request', async () =>
      (await storedOrder(stack.preservationDb, id))!.citedBy.includes(citing),
    );

    await sweepEverywhere(EXPIRY_JOB, day(95));
    const kept = (await officer.read(id).expect(200)).body;
    expect(kept).toMatchObject({ status: 'active', citedBy: [citing], expiryDeferred: true });
    expect(await holdsOn()).toContain(id);
    expect(eventsOf(id, 'preservation.hold.released')).toEqual([]);

    await requests.withdraw(citing).expect(200);
    await waitFor(
      'the order to lapse once its last citing request ended',
      async () => (await storedOrder(stack.preservationDb, id))!.status === 'expired' || undefined,
    );
    const released = await settled(id, 'preservation.hold.released', 2);
    expect(released).toHaveLength(2);
    expect(await holdsOn()).not.toContain(id);
  });
});
