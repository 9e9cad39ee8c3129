/**
 * The one partition of each reply topic this gateway instance reads and asks its replies on:
 * the same slot for every topic, so instances with different slots split the reply traffic.
 * Topics without partitions (yet) are left out, which readiness reports.
 */
export function homeReplyPartitions(
  topics: readonly string[],
  partitionsOf: (topic: string) => number[],
  slot: number,
): Record<string, number[]> {
  const assignment: Record<string, number[]> = {};
  for (const topic of topics) {
    const partitions = [...partitionsOf(topic)].sort((a, b) => a - b);
    if (partitions.length > 0) assignment[topic] = [partitions[slot % partitions.length]];
  }
  return assignment;
}
