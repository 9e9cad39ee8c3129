import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type IHeaders, type Producer } from 'kafkajs';
import { testInfra } from './infra/test-infra';
import { waitFor } from './wait-for';

export interface SeenMessage {
  topic: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

const kafka = () =>
  new Kafka({ clientId: 'lers-test-probe', brokers: [testInfra.kafkaBrokers], logLevel: logLevel.NOTHING });

/** Watches topics from "now" on, for assertions about what was published. */
export class KafkaProbe {
  readonly seen: SeenMessage[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async watch(...topics: string[]): Promise<KafkaProbe> {
    const consumer = kafka().consumer({
      groupId: `lers-test-probe-${randomUUID()}`,
      maxWaitTimeInMs: 20,
      sessionTimeout: 6000,
      heartbeatInterval: 2000,
    });
    const probe = new KafkaProbe(consumer);
    let fetching = false;
    consumer.on(consumer.events.FETCH, () => (fetching = true));
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        probe.seen.push({
          topic,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: stringHeaders(message.headers),
        });
      },
    });
    await waitFor('the probe to start fetching', () => fetching);
    return probe;
  }

  waitForMessage(
    description: string,
    predicate: (message: SeenMessage) => boolean,
    timeoutMs = 20_000,
  ): Promise<SeenMessage> {
    return waitFor(description, () => this.seen.find(predicate), { timeoutMs });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

export async function produceRaw(
  topic: string,
  messages: { key?: string; value: string; headers?: IHeaders }[],
): Promise<void> {
  const producer: Producer = kafka().producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}

function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([key, value]) => [key, String(value)]));
}
