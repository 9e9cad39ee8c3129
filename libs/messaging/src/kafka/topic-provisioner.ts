import type { Admin } from 'kafkajs';

export const DEFAULT_PARTITIONS = 3;

/** Creates the topics that do not exist yet; safe to run from every replica at every start. */
export async function ensureTopics(
  admin: Admin,
  topics: string[],
  numPartitions = DEFAULT_PARTITIONS,
): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: -1 })),
    });
  } catch (error) {
    // Another replica may have created them between our list and create.
    if (!/already exists/i.test(String((error as Error).message))) throw error;
  }
}
