import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { Connection } from 'mongoose';
import { EVENT_TOPICS, type SubmitAccessApplication } from '@lers/contracts';
import {
  accessApplicationForm,
  openTestDatabase,
  testInfra,
  waitFor,
  type RunningService,
} from '@lers/testing';
import { SubmitAccessApplicationUseCase } from '../../services/access/src/applications/use-cases/submit-access-application';
import { bootAccess } from './backbone-harness';

const topic = EVENT_TOPICS.accessEvents;
const SUBMISSIONS = 300;
const IN_FLIGHT = 40;

type Offsets = Map<number, bigint>;

async function endOffsets(kafka: Kafka): Promise<Offsets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]));
  } finally {
    await admin.disconnect();
  }
}

/** The keys of every message on the topic between two sets of end offsets, duplicates included. */
async function keysBetween(kafka: Kafka, from: Offsets, to: Offsets): Promise<string[]> {
  const keys: string[] = [];
  const remaining = new Set(
    [...to].filter(([partition, end]) => end > (from.get(partition) ?? 0n)).map(([p]) => p),
  );
  if (remaining.size === 0) return keys;
  const consumer = kafka.consumer({ groupId: `lers-test-outbox-once-${randomUUID()}`, maxWaitTimeInMs: 50 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      for (const [partition, offset] of from) consumer.seek({ topic, partition, offset: String(offset) });
    });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const offset = BigInt(message.offset);
        if (offset < (from.get(partition) ?? 0n) || offset >= (to.get(partition) ?? 0n)) return;
        keys.push(message.key?.toString() ?? '');
        if (offset + 1n >= (to.get(partition) ?? 0n)) remaining.delete(partition);
      },
    });
    await waitFor('the range to be read', () => remaining.size === 0, { timeoutMs: 30_000 });
  } finally {
    await consumer.disconnect();
  }
  return keys;
}

/**
 * The relay publishes what the writer hands over at once and also scans for pending outboxes (a
 * crash left them, or a publish failed). Under load the two meet: a scan can read a document still
 * pending just before its hand-over clears it. Every event must still be published exactly once.
 */
describe('the outbox relay, under load, with a scan every 10 ms', () => {
  let access: RunningService<{ MONGO_DB: string }>;
  let db: Connection;
  let kafka: Kafka;

  beforeAll(async () => {
    access = await bootAccess({ OUTBOX_POLL_MS: '10' });
    db = await openTestDatabase(access.config.MONGO_DB);
    kafka = new Kafka({
      clientId: 'lers-test-outbox-once',
      brokers: [testInfra.kafkaBrokers],
      logLevel: logLevel.NOTHING,
    });
  });

  afterAll(async () => {
    await access?.close();
    await db?.dropDatabase();
    await db?.close();
  });

  it(`publishes each of ${SUBMISSIONS} events once`, async () => {
    const before = await endOffsets(kafka);
    const submit = access.app.get(SubmitAccessApplicationUseCase);
    const applicationIds: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next++ < SUBMISSIONS) {
          const form = {
            ...accessApplicationForm(),
            proofOfAuthority: [
              {
                objectKey: `applications/test/${randomUUID()}/warrant-card.pdf`,
                sha256: randomBytes(32).toString('hex'),
                size: 48_213,
                contentType: 'application/pdf',
              },
            ],
          } as SubmitAccessApplication;
          applicationIds.push((await submit.execute(form)).id);
        }
      }),
    );
    const applications = db.collection('access_applications');
    await waitFor(
      'every outbox to be cleared',
      async () => (await applications.findOne({ outboxPending: true }, { projection: { _id: 1 } })) === null,
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    const after = await endOffsets(kafka);

    const stored = await applications.find({ _id: { $in: applicationIds as never[] } }).toArray();
    expect(stored).toHaveLength(SUBMISSIONS);
    // An application's one event is keyed by the application: its key must be on the topic once.
    const published = await keysBetween(kafka, before, after);
    const ours = new Set(applicationIds);
    const counts = new Map<string, number>();
    for (const key of published.filter((key) => ours.has(key))) counts.set(key, (counts.get(key) ?? 0) + 1);
    expect(counts.size).toBe(SUBMISSIONS);
    expect([...counts].filter(([, count]) => count !== 1)).toEqual([]);
  }, 120_000);
});
