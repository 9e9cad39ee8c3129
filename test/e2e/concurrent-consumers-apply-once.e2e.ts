import { randomUUID } from 'node:crypto';
import { KafkaContext } from '@nestjs/microservices';
import type { Connection, Model } from 'mongoose';
import { EVENT_TOPICS } from '@lers/contracts';
import {
  DeadLetterPublisher,
  EventInbox,
  KafkaConnection,
  newEvent,
  type EventHandlers,
  type MessagingOptions,
} from '@lers/messaging';
import { Metrics } from '@lers/observability';
import { openTestDatabase, testInfra, testRunId, waitFor } from '@lers/testing';
import {
  PROCESSED_EVENT_MODEL,
  ProcessedEventSchema,
  type ProcessedEvent,
} from '../../libs/messaging/src/inbox/processed-event.schema';
import { RedeliverLater } from '../../libs/messaging/src/inbox/redelivery';

const CONSUMERS = 8;
const group = `lers-lease-${testRunId}`;

/**
 * The ledger's lease, on the real database: consumer instances of one group racing for one event
 * (as during a rebalance, when two hold the same partition for a moment) run its handler exactly
 * once; a live lease of another instance means "not now", an expired one may be taken over, and a
 * done event is never applied again.
 */
describe('concurrent consumers of one group apply an event once', () => {
  let db: Connection;
  let ledger: Model<ProcessedEvent>;
  let inboxes: EventInbox[];

  beforeAll(async () => {
    db = await openTestDatabase(`lers_lease_${testRunId}`);
    ledger = db.model<ProcessedEvent>(PROCESSED_EVENT_MODEL, ProcessedEventSchema);
    const options: MessagingOptions = {
      service: 'notification',
      brokers: [testInfra.kafkaBrokers],
      groupId: group,
      maxWaitMs: 20,
      replyTimeoutMs: 5000,
      outboxPollMs: 1000,
    };
    // Separate instances, as separate replicas are: each has its own lease owner name.
    inboxes = Array.from(
      { length: CONSUMERS },
      () =>
        new EventInbox(
          options,
          ledger,
          new DeadLetterPublisher(new KafkaConnection(options)),
          new Metrics('notification'),
        ),
    );
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  /** A handler that counts its runs in the database and waits at `gate` while holding the lease. */
  function countingHandler(gate: Promise<void> = Promise.resolve()): EventHandlers {
    return {
      'access.application.submitted': async (event) => {
        await db
          .collection('handler_runs')
          .updateOne({ _id: event.id as never }, { $inc: { runs: 1 } }, { upsert: true });
        await gate;
      },
    };
  }

  const runsOf = async (eventId: string) =>
    (await db.collection('handler_runs').findOne({ _id: eventId as never }))?.runs ?? 0;

  function anEvent() {
    const id = randomUUID();
    const { topic, ...envelope } = newEvent('access', 'access.application.submitted', id, {
      applicationId: id,
      agency: { name: 'Metropolitan Police Service', country: 'GB' },
      officer: { fullName: 'Alex Officer', email: `alex.${id.slice(0, 8)}@met.police.uk` },
      verificationToken: 'x'.repeat(43),
      verificationExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    return { topic, envelope, raw: JSON.parse(JSON.stringify(envelope)) as object };
  }

  /** The KafkaContext Nest's Kafka server hands a handler, for one delivery of `envelope`. */
  function delivery(envelope: { id: string; key: string }, offset = '0') {
    return new KafkaContext([
      { key: Buffer.from(envelope.key), value: envelope, headers: {}, offset, timestamp: `${Date.now()}` },
      0,
      EVENT_TOPICS.accessEvents,
      null as never,
      async () => undefined,
      null as never,
    ] as never);
  }

  /** Every consumer delivers the same event at once; returns each one's outcome once all settle. */
  async function race(raw: object, envelope: { id: string; key: string }, handlers: EventHandlers) {
    const settled: (true | Error)[] = [];
    const attempts = inboxes.map((inbox) =>
      inbox.consume(delivery(envelope), raw, handlers).then(
        () => settled.push(true),
        (error: Error) => settled.push(error),
      ),
    );
    return { settled, all: Promise.all(attempts).then(() => settled) };
  }

  const entryOf = (eventId: string) => ledger.findById(`${group}:${eventId}`).lean<ProcessedEvent>();

  it(`${CONSUMERS} consumers racing for a new event: one runs the handler, the others are told to come back`, async () => {
    const { envelope, raw } = anEvent();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { settled, all } = await race(raw, envelope, countingHandler(gate));

    // The winner waits at the gate holding the lease; everyone else must have given up by then.
    await waitFor('all consumers but the lease holder to give up', () => settled.length === CONSUMERS - 1);
    expect(settled.every((outcome) => outcome instanceof RedeliverLater)).toBe(true);
    expect(String(settled[0])).toMatch(/leased by/);
    expect(await runsOf(envelope.id)).toBe(1);
    release();

    const outcomes = await all;
    expect(outcomes.filter((outcome) => outcome === true)).toHaveLength(1);
    expect(await runsOf(envelope.id)).toBe(1);
    expect(await entryOf(envelope.id)).toMatchObject({ status: 'done', failures: 0, eventId: envelope.id });

    // Redelivered to every consumer afterwards: all skip it.
    const again = await race(raw, envelope, countingHandler());
    expect((await again.all).every((outcome) => outcome === true)).toBe(true);
    expect(await runsOf(envelope.id)).toBe(1);
  });

  it(`${CONSUMERS} consumers racing to take over an expired lease (its holder died): one runs the handler`, async () => {
    const { envelope, raw } = anEvent();
    await ledger.create({
      _id: `${group}:${envelope.id}`,
      consumer: group,
      eventId: envelope.id,
      type: 'access.application.submitted',
      status: 'processing',
      at: new Date(Date.now() - 60_000),
      owner: 'a-consumer-that-died',
      leaseUntil: new Date(Date.now() - 1),
      failures: 0,
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { settled, all } = await race(raw, envelope, countingHandler(gate));

    await waitFor(
      'all consumers but the new lease holder to give up',
      () => settled.length === CONSUMERS - 1,
    );
    expect(settled.every((outcome) => outcome instanceof RedeliverLater)).toBe(true);
    const taken = await entryOf(envelope.id);
    expect(taken?.owner).not.toBe('a-consumer-that-died');
    expect(taken?.leaseUntil?.getTime()).toBeGreaterThan(Date.now());
    release();

    expect((await all).filter((outcome) => outcome === true)).toHaveLength(1);
    expect(await runsOf(envelope.id)).toBe(1);
    expect(await entryOf(envelope.id)).toMatchObject({ status: 'done' });
  });

  it('a live lease of another consumer: the handler does not run and the lease is left alone', async () => {
    const { envelope, raw } = anEvent();
    const leaseUntil = new Date(Date.now() + 20_000);
    await ledger.create({
      _id: `${group}:${envelope.id}`,
      consumer: group,
      eventId: envelope.id,
      type: 'access.application.submitted',
      status: 'processing',
      at: new Date(),
      owner: 'another-live-consumer',
      leaseUntil,
      failures: 0,
    });

    const attempt = inboxes[0].consume(delivery(envelope), raw, countingHandler());
    await expect(attempt).rejects.toBeInstanceOf(RedeliverLater);
    await expect(attempt).rejects.toMatchObject({ delayMs: 1000 });
    expect(await runsOf(envelope.id)).toBe(0);
    expect(await entryOf(envelope.id)).toMatchObject({
      status: 'processing',
      owner: 'another-live-consumer',
      leaseUntil,
    });
  });

  it('a done event is never applied again, even when its lease fields say otherwise', async () => {
    const { envelope, raw } = anEvent();
    await ledger.create({
      _id: `${group}:${envelope.id}`,
      consumer: group,
      eventId: envelope.id,
      type: 'access.application.submitted',
      status: 'done',
      at: new Date(),
      owner: 'someone',
      leaseUntil: new Date(0),
      failures: 0,
    });
    await Promise.all(inboxes.map((inbox) => inbox.consume(delivery(envelope), raw, countingHandler())));
    expect(await runsOf(envelope.id)).toBe(0);
  });
});
