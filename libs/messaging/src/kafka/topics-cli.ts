/**
 * Provisions every LERS topic before the services start, with the same code each service runs at
 * start (ensureTopics over allTopics()): the Kubernetes Job in deploy/k8s runs it, or by hand
 *   npm run topics
 * KAFKA_BROKERS picks the brokers (default 127.0.0.1:9092); KAFKA_TOPIC_PARTITIONS the partition
 * count of topics it creates (default 3). Topics that exist are left as they are, so it is safe
 * to run at every deployment; raising partitions later is a broker-side change (docs/operations.md).
 */
import { Kafka, logLevel } from 'kafkajs';
import { allTopics } from '@lers/contracts';
import { DEFAULT_PARTITIONS, ensureTopics } from './topic-provisioner';

function partitionsFrom(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PARTITIONS;
  const partitions = Number(value);
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1000)
    throw new Error(`KAFKA_TOPIC_PARTITIONS must be an integer from 1 to 1000, not "${value}"`);
  return partitions;
}

async function main(): Promise<void> {
  const partitions = partitionsFrom(process.env.KAFKA_TOPIC_PARTITIONS);
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
  const kafka = new Kafka({
    clientId: 'lers-topics',
    brokers,
    logLevel: logLevel.ERROR,
    retry: { initialRetryTime: 300, retries: 10 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = allTopics();
    const existing = new Set(await admin.listTopics());
    await ensureTopics(admin, wanted, partitions);
    const { topics } = await admin.fetchTopicMetadata({ topics: wanted });
    for (const { name, partitions: held } of topics) {
      const state = existing.has(name) ? 'exists' : 'created';
      process.stdout.write(`${state}  ${name}  partitions=${held.length}\n`);
    }
    process.stdout.write(`${wanted.length} topics provisioned on ${brokers.join(',')}\n`);
  } finally {
    await admin.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`topics: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
