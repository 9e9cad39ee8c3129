import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { deadLetterTopicOf, EVENT_TOPICS } from '@lers/contracts';
import { newEvent } from '@lers/messaging';
import { KafkaProbe, openTestDatabase, testInfra, waitFor, type RunningService } from '@lers/testing';
import { POISON_ATTEMPTS } from '../../libs/messaging/src/inbox/redelivery';
import { bootProbeConsumer } from './probe-consumer';

const topic = EVENT_TOPICS.accessEvents;

function submitted(applicationId: string) {
  const { topic: _topic, ...envelope } = newEvent('access', 'access.application.submitted', applicationId, {
    applicationId,
    agency: { name: 'Metropolitan Police Service', country: 'GB' },
    officer: { fullName: 'Alex Officer', email: `alex.${applicationId.slice(-8)}@met.police.uk` },
    verificationToken: 'x'.repeat(43),
    verificationExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  return { ...envelope, applicationId };
}

/**
 * A message whose handler keeps failing for its own reason (not a dependency away) is tried
 * POISON_ATTEMPTS times with a backoff and then parked on `<topic>.dlq`; while it is being tried,
 * events on the other partitions, and of other keys on its own partition, are applied; events of
 * its own key wait behind it (per-aggregate order), and go on once it is parked.
 */
describe('a poison message holds up nothing else', () => {
  let consumer: RunningService<{ MONGO_DB: string; KAFKA_GROUP_ID?: string }>;
  let db: Connection;
  let producer: Producer;
  let dlq: KafkaProbe;
  const poisonTries: number[] = [];
  let poisonApplicationId = '';

  beforeAll(async () => {
    consumer = await bootProbeConsumer('poison', [topic], (raw, context, inbox) =>
      inbox.consume(context, raw, {
        'access.application.submitted': async (event) => {
          if (event.payload.applicationId === poisonApplicationId) {
            poisonTries.push(Date.now());
            throw new Error('the verification e-mail cannot be rendered for this application');
          }
          await db
            .collection('applied')
            .insertOne({ _id: event.payload.applicationId as never, at: new Date(), key: event.key });
        },
      }),
    );
    db = await openTestDatabase(consumer.config.MONGO_DB);
    producer = new Kafka({
      clientId: 'lers-test-poison',
      brokers: [testInfra.kafkaBrokers],
      logLevel: logLevel.NOTHING,
    }).producer({ allowAutoTopicCreation: false });
    await producer.connect();
    dlq = await KafkaProbe.watch(deadLetterTopicOf(topic));
  });

  afterAll(async () => {
    await dlq?.stop();
    await producer?.disconnect();
    await consumer?.close();
    await db?.dropDatabase();
    await db?.close();
  });

  const appliedIds = async () =>
    new Set((await db.collection('applied').find().toArray()).map((document) => String(document._id)));

  it('is parked after its tries while other partitions and keys keep flowing', async () => {
    const run = randomUUID().slice(0, 8);
    poisonApplicationId = `poison-${run}`;
    const poison = submitted(poisonApplicationId);
    const sameKeyAfter = { ...submitted(`same-key-after-${run}`), key: poison.key };
    const othersOnItsPartition = [1, 2, 3].map((n) => submitted(`same-partition-${run}-${n}`));
    const onOtherPartitions = [1, 2, 3, 4, 5, 6].map((n) => submitted(`other-partition-${run}-${n}`));
    const message = (
      partition: number,
      { applicationId: _id, ...envelope }: ReturnType<typeof submitted>,
    ) => ({
      partition,
      key: envelope.key,
      value: JSON.stringify(envelope),
    });

    await producer.send({ topic, acks: -1, messages: [message(0, poison), message(0, sameKeyAfter)] });
    await waitFor('the poison to be tried', () => poisonTries.length >= 1);
    // Sent while the poison is being tried: a consumer that retried it in line would not fetch them.
    await producer.send({
      topic,
      acks: -1,
      messages: [
        ...othersOnItsPartition.map((envelope) => message(0, envelope)),
        ...onOtherPartitions.map((envelope, index) => message(1 + (index % 2), envelope)),
      ],
    });

    const good = [...othersOnItsPartition, ...onOtherPartitions].map((e) => e.applicationId);
    await waitFor('the events of other keys and partitions to be applied', async () => {
      const applied = await appliedIds();
      return good.every((id) => applied.has(id));
    });
    // They were applied while the poison was still being tried, not after it was parked.
    expect(poisonTries.length).toBeGreaterThanOrEqual(1);
    expect(poisonTries.length).toBeLessThan(POISON_ATTEMPTS);
    expect(dlq.seen.filter((m) => m.headers['x-event-id'] === poison.id)).toHaveLength(0);
    // Its own key waits behind it.
    expect((await appliedIds()).has(sameKeyAfter.applicationId)).toBe(false);

    const parked = await dlq.waitForMessage(
      'the poison message on the dead-letter topic',
      (m) =>
        m.headers['x-dlq-consumer'] === consumer.config.KAFKA_GROUP_ID &&
        m.value?.includes(poison.id) === true,
      30_000,
    );
    expect(parked.headers['x-dlq-reason']).toBe(
      `handler failed ${POISON_ATTEMPTS} times: the verification e-mail cannot be rendered for this application`,
    );
    expect(parked.headers['x-dlq-source-partition']).toBe('0');
    expect(JSON.parse(parked.value ?? '{}')).toMatchObject({ id: poison.id });
    expect(poisonTries).toHaveLength(POISON_ATTEMPTS);
    // Tried with a growing backoff, not in a tight loop.
    const gaps = poisonTries.slice(1).map((at, i) => at - poisonTries[i]);
    expect(gaps.every((gap) => gap >= 150)).toBe(true);
    expect(gaps[gaps.length - 1]).toBeGreaterThan(gaps[0]);

    await waitFor('the same key to go on once the poison is parked', async () =>
      (await appliedIds()).has(sameKeyAfter.applicationId),
    );
    // Parked means forgotten by the ledger, so a replay from the dead-letter topic is tried afresh.
    const entry = await db
      .collection('processed_events')
      .findOne({ _id: `${consumer.config.KAFKA_GROUP_ID}:${poison.id}` as never });
    expect(entry).toBeNull();
    expect(poisonTries).toHaveLength(POISON_ATTEMPTS);
  }, 60_000);
});
