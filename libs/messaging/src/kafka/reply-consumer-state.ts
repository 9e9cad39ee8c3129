/** Partitions per topic, as kafkajs reports a member's assignment on GROUP_JOIN. */
export type MemberAssignment = Record<string, number[]>;

/**
 * Whether the gateway's reply consumer can hear replies now, from what its Kafka events said last.
 * It can once it holds a partition of every reply topic and has fetched since joining: kafkajs
 * resolves a new group's starting offset on that first fetch, and a reply written before it would
 * be skipped.
 */
export class ReplyConsumerState {
  private assignment?: MemberAssignment;
  private fetchedSinceJoin = false;
  private lastLoss = 'not started';

  constructor(private readonly replyTopics: readonly string[]) {}

  joined(assignment: MemberAssignment): void {
    this.assignment = assignment;
    this.fetchedSinceJoin = false;
  }

  fetched(): void {
    if (this.assignment) this.fetchedSinceJoin = true;
  }

  lost(reason: string): void {
    this.assignment = undefined;
    this.fetchedSinceJoin = false;
    this.lastLoss = reason;
  }

  /** Why replies cannot be heard now; undefined when they can. */
  whyNotReceiving(): string | undefined {
    const assignment = this.assignment;
    if (!assignment) return this.lastLoss;
    const unassigned = this.replyTopics.filter((topic) => !assignment[topic]?.length);
    if (unassigned.length > 0) return `no partition assigned of ${unassigned.join(', ')}`;
    return this.fetchedSinceJoin ? undefined : 'joined; first fetch pending';
  }
}
