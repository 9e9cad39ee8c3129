import type { ServiceEnv } from '@lers/config';
import type { MessagingOptions } from './messaging-options';

export function messagingOptionsFrom(
  service: MessagingOptions['service'],
  env: ServiceEnv,
  outboxModels: string[] = [],
): MessagingOptions {
  return {
    service,
    brokers: env.KAFKA_BROKERS,
    groupId: env.KAFKA_GROUP_ID,
    fromBeginning: env.KAFKA_FROM_BEGINNING,
    sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
    maxWaitMs: env.KAFKA_MAX_WAIT_MS,
    replyTimeoutMs: env.KAFKA_REPLY_TIMEOUT_MS,
    outboxPollMs: env.OUTBOX_POLL_MS,
    outboxModels,
  };
}
