import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { ensureTopics, newEvent } from '@lers/messaging';
import { testInfra, waitFor } from '@lers/testing';
import {
  Arrivals,
  measureLatency,
  measureThroughput,
  summarize,
  type BenchSettings,
  type LatencySummary,
  type ThroughputSummary,
} from './stats';

export interface RawKafkaResult {
  latency: LatencySummary;
  /** The same, each message sent as soon as the previous one was consumed (no pause). */
  latencyBackToBack: LatencySummary;
  throughput: ThroughputSummary;
  sent: number;
  received: number;
  duplicates: number;
}

/**
 * (a) kafkajs alone: the producer the relay uses (idempotent, one request in flight, acks from all
 * replicas) and a consumer like the services' (maxWaitTimeInMs 20, 3 partitions at once), on a
 * fresh 3-partition topic. A sample is send() called → eachMessage() entered.
 */
export async function benchRawKafka(runId: string, settings: BenchSettings): Promise<RawKafkaResult> {
  const kafka = new Kafka({
    clientId: `lers-bench-${runId}`,
    brokers: [testInfra.kafkaBrokers],
    // The services' client settings. Quiet: kafkajs warns that a capped retry count weakens the
    // idempotent producer (see README), and logs the retried errors of a broker still starting.
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 100, retries: 8 },
  });
  const topic = `lers.bench.raw.${runId}`;
  const admin = kafka.admin();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  const consumer = kafka.consumer({
    groupId: `lers-bench-raw-${runId}`,
    maxWaitTimeInMs: 20,
    sessionTimeout: 6000,
    heartbeatInterval: 2000,
  });
  const arrivals = new Arrivals();
  let fetching = false;
  let sent = 0;
  try {
    await admin.connect();
    await ensureTopics(admin, [topic]);
    await producer.connect();
    await consumer.connect();
    consumer.on(consumer.events.FETCH, () => (fetching = true));
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachMessage: async ({ message }) => {
        // Decode as Nest's transport does before calling a handler.
        JSON.parse(message.value?.toString() ?? 'null');
        arrivals.arrive(message.key?.toString() ?? '');
      },
    });
    await waitFor('the raw consumer to fetch', () => fetching, { timeoutMs: 30_000, intervalMs: 20 });

    // A message shaped like a real outbox event: same envelope, size and headers.
    const sendOne = async (): Promise<number> => {
      const event = sampleEvent();
      const { topic: _topic, ...envelope } = event;
      const started = performance.now();
      await producer.send({
        topic,
        acks: -1,
        messages: [
          {
            key: event.key,
            value: JSON.stringify(envelope),
            headers: {
              'x-correlation-id': event.correlationId,
              'x-event-type': event.type,
              'x-event-id': event.id,
            },
          },
        ],
      });
      sent += 1;
      return (await arrivals.wait(event.key)) - started;
    };

    // Throughput first: it also warms a freshly started broker up for the latency samples.
    const throughput = await measureThroughput(settings.throughputEvents, settings.inFlight, async () => {
      await sendOne();
    });
    const latencies = await measureLatency(settings.warmup, settings.samples, sendOne, settings.pauseMs);
    const backToBack = await measureLatency(0, settings.samples, sendOne, 0);
    return {
      latency: summarize(latencies),
      latencyBackToBack: summarize(backToBack),
      throughput,
      sent,
      received: arrivals.size,
      duplicates: arrivals.duplicates,
    };
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

/** A real `access.application.submitted` event, as the use case builds it. */
export function sampleEvent() {
  const id = randomUUID();
  const tag = id.slice(0, 8);
  return newEvent('access', 'access.application.submitted', id, {
    applicationId: id,
    agency: { name: 'Metropolitan Police Service', country: 'GB' },
    officer: { fullName: 'Alex Officer', email: `alex.${tag}@met.police.uk` },
    verificationToken: 'x'.repeat(43),
    verificationExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
}
