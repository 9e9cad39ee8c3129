import { opsUrlOf } from '@lers/http';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { deadLetterTopicOf, EVENT_TOPICS } from '@lers/contracts';
import { listDeadLetters, newEvent } from '@lers/messaging';
import { openTestDatabase, testInfra, waitFor, type RunningService } from '@lers/testing';
import { runInfraScript } from '../../libs/testing/src/infra/infra-script';
import { bootNotification } from './backbone-harness';

const topic = EVENT_TOPICS.accessEvents;

/** Events produced one batch after another, as the relay would, until stopped. */
/** Streams still running: a test that fails midway must not leave one producing forever. */
const running = new Set<() => Promise<void>>();

function startStream(producer: Producer) {
  const produced: string[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const events = [1, 2].map(() => {
        const id = randomUUID();
        const { topic: _topic, ...envelope } = newEvent('access', 'access.application.submitted', id, {
          applicationId: id,
          agency: { name: 'Metropolitan Police Service', country: 'GB' },
          officer: { fullName: 'Alex Officer', email: `alex.${id.slice(0, 8)}@met.police.uk` },
          verificationToken: 'x'.repeat(43),
          verificationExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        });
        return envelope;
      });
      const messages = events.map((event) => ({ key: event.key, value: JSON.stringify(event) }));
      // While the broker is away the idempotent producer retries on its own; if it gives up, the
      // same batch is sent again (a duplicate on the topic, which the consumer must absorb).
      for (;;) {
        try {
          await producer.send({ topic, acks: -1, messages });
          break;
        } catch {
          if (stopped) return;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
      produced.push(...events.map((event) => event.id));
      await new Promise((resolve) => setTimeout(resolve, 40)); // the stream's pace, about 40 events/s
    }
  })();
  const stop = async () => {
    stopped = true;
    running.delete(stop);
    await loop;
  };
  running.add(stop);
  return { produced, stop };
}

/**
 * The consumer side of "nothing lost, nothing doubled" under faults, on real servers: while the
 * notification service is handling a stream of events, FerretDB (then Kafka) is stopped and
 * started again. Every event must end up applied exactly once (one e-mail record, a `done` ledger
 * entry) and none may be dead-lettered: a dependency away is never the event's fault.
 *
 * This file stops and starts the test servers: run it on a private copy of the infrastructure
 * (LERS_TEST_*_PORT, LERS_TEST_INFRA_DIR) when others use the shared one; it restarts what it stops.
 */
describe('a dependency outage loses and doubles nothing', () => {
  let notification: RunningService<{ MONGO_DB: string; KAFKA_GROUP_ID?: string }>;
  let db: Connection;
  let kafka: Kafka;
  let producer: Producer;

  beforeAll(async () => {
    notification = await bootNotification();
    await waitFor(
      'notification to be ready',
      async () => (await request(notification.url).get('/health/ready')).status === 200,
      { timeoutMs: 30_000 },
    );
    db = await openTestDatabase(notification.config.MONGO_DB);
    kafka = new Kafka({
      clientId: 'lers-test-outage',
      brokers: [testInfra.kafkaBrokers],
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 100, maxRetryTime: 2000, retries: Number.MAX_SAFE_INTEGER },
    });
    await producer.connect();
  });

  afterEach(async () => {
    await Promise.all([...running].map((stop) => stop()));
  });

  afterAll(async () => {
    runInfraScript('up');
    await producer?.disconnect();
    await notification?.close();
    await db?.dropDatabase();
    await db?.close();
  });

  const group = () => notification.config.KAFKA_GROUP_ID ?? '';

  const appliedCount = (eventIds: string[]) =>
    db
      .collection('outgoing_emails')
      .countDocuments({ _id: { $in: eventIds.map((id) => `${id}:email-verification`) as never[] } });

  const retriesSoFar = async () => {
    const metrics = await request(opsUrlOf(notification.app)).get('/metrics');
    const counts = [
      ...metrics.text.matchAll(
        /kafka_handler_duration_seconds_count\{[^}]*outcome="retry_later"[^}]*\} (\d+)/g,
      ),
    ];
    return counts.reduce((sum, match) => sum + Number(match[1]), 0);
  };

  async function expectEachAppliedOnceAndNoneParked(eventIds: string[]) {
    await waitFor(
      `all ${eventIds.length} events to be applied`,
      async () => (await appliedCount(eventIds)) === eventIds.length,
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    const records = await db
      .collection('outgoing_emails')
      .find({ _id: { $in: eventIds.map((id) => `${id}:email-verification`) as never[] } })
      .project({ _id: 1, to: 1 })
      .toArray();
    expect(records).toHaveLength(eventIds.length);
    expect(new Set(records.map((record) => record.to)).size).toBe(eventIds.length);
    const ledgerIds = eventIds.map((id) => `${group()}:${id}`);
    const notDone = async () => {
      const done = await db
        .collection('processed_events')
        .find({ _id: { $in: ledgerIds as never[] }, status: 'done' })
        .project({ _id: 1 })
        .toArray();
      const doneIds = new Set(done.map((entry) => String(entry._id)));
      return ledgerIds.filter((id) => !doneIds.has(id));
    };
    await waitFor('the ledger to record every event done', async () => (await notDone()).length === 0, {
      timeoutMs: 60_000,
      intervalMs: 500,
    }).catch(async (error: Error) => {
      const missing = await notDone();
      const entries = await db
        .collection('processed_events')
        .find({ _id: { $in: missing.slice(0, 5) as never[] } })
        .toArray();
      const emails = await db
        .collection('outgoing_emails')
        .find({
          _id: {
            $in: missing.slice(0, 5).map((id) => `${id.split(':').pop()}:email-verification`) as never[],
          },
        })
        .project({ _id: 1, status: 1 })
        .toArray();
      throw new Error(
        `${error.message}; ${missing.length} not done: ${missing.slice(0, 5).join(', ')}; ` +
          `their ledger entries ${JSON.stringify(entries)}, e-mail records ${JSON.stringify(emails)}`,
      );
    });
    const parked = await listDeadLetters(kafka, deadLetterTopicOf(topic));
    expect(parked.filter((message) => message.consumer === group())).toEqual([]);
  }

  it('FerretDB stopped and started mid-stream', async () => {
    const stream = startStream(producer);
    await waitFor(
      'events to be applied before the outage',
      async () => (await appliedCount(stream.produced)) >= 20,
    );
    const retriesBefore = await retriesSoFar();

    runInfraScript('down', 'ferretdb');
    const producedAtStop = stream.produced.length;
    // Long enough for several tries, each waiting out the driver's 5 s server selection: the
    // consumer must keep its group membership (heartbeats) and back off, not give events up.
    await waitFor(
      'the consumer to meet the outage and back off a few times',
      async () => (await retriesSoFar()) >= retriesBefore + 3,
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    await waitFor(
      'events to keep arriving while the database is away',
      () => stream.produced.length >= producedAtStop + 60,
      { timeoutMs: 30_000 },
    );
    runInfraScript('up', 'ferretdb');
    const producedAtRestart = stream.produced.length;
    await waitFor('events after the restart', () => stream.produced.length >= producedAtRestart + 40);
    await stream.stop();

    expect(await appliedCount(stream.produced.slice(0, producedAtStop))).toBeGreaterThan(0);
    await expectEachAppliedOnceAndNoneParked(stream.produced);
  }, 240_000);

  it('Kafka stopped and started mid-stream', async () => {
    const stream = startStream(producer);
    await waitFor(
      'events to be applied before the outage',
      async () => (await appliedCount(stream.produced)) >= 20,
    );

    runInfraScript('down', 'kafka');
    const producedAtStop = stream.produced.length;
    await waitFor(
      'the consumer to notice the broker is away',
      async () => (await request(notification.url).get('/health/ready')).status === 503,
      { timeoutMs: 30_000 },
    );
    runInfraScript('up', 'kafka');
    await waitFor(
      'events to flow again after the restart',
      () => stream.produced.length >= producedAtStop + 60,
      {
        timeoutMs: 90_000,
        intervalMs: 200,
      },
    );
    await stream.stop();

    await expectEachAppliedOnceAndNoneParked(stream.produced);
    await waitFor(
      'notification to be ready again',
      async () => {
        const response = await request(notification.url).get('/health/ready');
        if (response.status !== 200) throw new Error(JSON.stringify(response.body));
        return true;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
  }, 300_000);
});
