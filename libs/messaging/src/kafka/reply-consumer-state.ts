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
  /** The assignment of the last join, kept through a loss: a later fetch proves it holds again. */
  private lastAssignment?: MemberAssignment;
  private fetchedSinceJoin = false;
  private lastLoss = 'not started';

  constructor(private readonly replyTopics: readonly string[]) {}

  joined(assignment: MemberAssignment): void {
    this.assignment = assignment;
    this.lastAssignment = assignment;
    this.fetchedSinceJoin = false;
  }

  /**
   * kafkajs fetches only as a member holding its assignment, so a fetch after a loss (a late
   * REBALANCING from the previous generation's heartbeat, with no new join to follow) proves the
   * consumer holds the assignment of its last join again.
   */
  fetched(): void {
    if (!this.assignment && this.lastAssignment) this.assignment = this.lastAssignment;
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
