/** What the messaging library needs from a service's validated configuration. */
export interface MessagingOptions {
  service: 'gateway' | 'access' | 'requests' | 'preservation' | 'notification';
  brokers: string[];
  /** Consumer group; defaults to `lers-<service>`. Tests give each run its own. */
  groupId?: string;
  /** Where a brand-new consumer group starts: true in production so no event is ever skipped. */
  fromBeginning?: boolean;
  maxWaitMs: number;
  sessionTimeoutMs?: number;
  replyTimeoutMs: number;
  outboxPollMs: number;
  /** Mongoose model names whose documents carry an outbox the relay must publish. */
  outboxModels?: string[];
  /** Days a `done` entry stays in the consumer ledger (default 14; see processed-event-pruning.ts). */
  processedEventRetentionDays?: number;
  /** A data service that also calls another service (request–reply), e.g. to check staff sessions. */
  commandClient?: boolean;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export const groupIdOf = (options: MessagingOptions) => options.groupId ?? `lers-${options.service}`;
