import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { DEAD_LETTER_HEADER_PREFIX } from './dead-letter-topics';

export interface ParkedMessage {
  partition: number;
  offset: string;
  key: string | null;
  reason: string;
  consumer: string;
  failedAt: string;
  source: string;
  eventType: string | null;
  eventId: string | null;
}

/** The group that remembers how far each dead-letter topic was replayed. */
export const replayGroupOf = (deadLetters: string) => `lers-dlq-replay.${deadLetters}`;

/** Every message parked on `deadLetters` now, oldest first per partition; changes nothing. */
export async function listDeadLetters(kafka: Kafka, deadLetters: string): Promise<ParkedMessage[]> {
  const parked: ParkedMessage[] = [];
  await readUpToNow(kafka, deadLetters, `lers-dlq-list-${randomUUID()}`, async (partition, message) => {
    parked.push(describe(partition, message));
  });
  return parked;
}

/**
 * Sends every message parked since the last replay back to its source topic, byte for byte, with
 * the dead-letter headers removed and `x-dlq-replayed-from` added; the consumers' inbox applies it
 * at most once, so replaying an event some consumer had already applied changes nothing there.
 * Progress is committed per message: an interrupted replay resumes where it stopped. Messages
 * parked again during the replay wait for the next one (it reads up to the end as it was at start).
 */
export async function replayDeadLetters(
  kafka: Kafka,
  deadLetters: string,
  source: string,
): Promise<ParkedMessage[]> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const replayed: ParkedMessage[] = [];
  try {
    await readUpToNow(kafka, deadLetters, replayGroupOf(deadLetters), async (partition, message, commit) => {
      await producer.send({
        topic: source,
        acks: -1,
        messages: [
          {
            key: message.key,
            value: message.value,
            headers: {
              ...withoutDeadLetterHeaders(message.headers),
              'x-dlq-replayed-from': `${deadLetters}/${partition}/${message.offset}`,
            },
          },
        ],
      });
      await commit();
      replayed.push(describe(partition, message));
    });
  } finally {
    await producer.disconnect();
  }
  return replayed;
}

type Visit = (partition: number, message: KafkaMessage, commit: () => Promise<void>) => Promise<void>;

/** Reads a topic from the group's committed offsets (or the beginning) to its end as of now. */
async function readUpToNow(kafka: Kafka, topic: string, groupId: string, visit: Visit): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  let remaining: Map<number, bigint>;
  try {
    remaining = await partitionsToRead(admin, topic, groupId);
  } finally {
    await admin.disconnect();
  }
  if (remaining.size === 0) return;

  const consumer: Consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, sessionTimeout: 10_000 });
  await consumer.connect();
  try {
    let finished!: () => void;
    let failed!: (error: unknown) => void;
    const done = new Promise<void>((resolve, reject) => ((finished = resolve), (failed = reject)));
    consumer.on(consumer.events.CRASH, ({ payload }) => failed(payload.error));
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const end = remaining.get(partition);
        if (end === undefined || BigInt(message.offset) >= end) return;
        const next = (BigInt(message.offset) + 1n).toString();
        await visit(partition, message, () => consumer.commitOffsets([{ topic, partition, offset: next }]));
        if (BigInt(next) >= end) remaining.delete(partition);
        if (remaining.size === 0) finished();
      },
    });
    await done;
  } finally {
    await consumer.disconnect();
  }
}

/** Partition → end offset (exclusive), for the partitions with something left to read. */
async function partitionsToRead(admin: Admin, topic: string, groupId: string): Promise<Map<number, bigint>> {
  const ends = await admin.fetchTopicOffsets(topic);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const remaining = new Map<number, bigint>();
  for (const { partition, high, low } of ends) {
    const mark = committed?.partitions.find((entry) => entry.partition === partition)?.offset ?? '-1';
    const start = BigInt(mark) >= 0n ? BigInt(mark) : BigInt(low);
    if (start < BigInt(high)) remaining.set(partition, BigInt(high));
  }
  return remaining;
}

function withoutDeadLetterHeaders(headers: IHeaders | undefined): IHeaders {
  return Object.fromEntries(
    Object.entries(headers ?? {}).filter(([name]) => !name.startsWith(DEAD_LETTER_HEADER_PREFIX)),
  );
}

function describe(partition: number, message: KafkaMessage): ParkedMessage {
  const header = (name: string) => message.headers?.[name]?.toString() ?? null;
  return {
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    reason: header('x-dlq-reason') ?? '',
    consumer: header('x-dlq-consumer') ?? '',
    failedAt: header('x-dlq-failed-at') ?? '',
    source: `${header('x-dlq-source-topic')}/${header('x-dlq-source-partition')}/${header('x-dlq-source-offset')}`,
    eventType: header('x-event-type'),
    eventId: header('x-event-id'),
  };
}
