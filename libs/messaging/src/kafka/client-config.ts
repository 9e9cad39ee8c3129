import { logLevel, Partitioners, type ConsumerConfig, type KafkaConfig, type ProducerConfig } from 'kafkajs';
import type { MessagingOptions } from '../messaging-options';

/** The same client, producer and consumer settings for every Kafka connection a service opens. */
export function kafkaClientConfig(options: MessagingOptions, clientId: string): KafkaConfig {
  return {
    clientId,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 8 },
  };
}

export const IDEMPOTENT_PRODUCER = {
  idempotent: true,
  maxInFlightRequests: 1,
  allowAutoTopicCreation: false,
  createPartitioner: Partitioners.DefaultPartitioner,
  // An idempotent producer must not give up between retries, or its ordering guarantee lapses.
  retry: { initialRetryTime: 100, maxRetryTime: 5000, retries: Number.MAX_SAFE_INTEGER },
} satisfies ProducerConfig;

// Plain objects (checked with `satisfies`) so they also fit Nest's own copy of the kafkajs types.
export function consumerConfig(options: MessagingOptions, groupId: string) {
  const sessionTimeout = options.sessionTimeoutMs ?? 30_000;
  return {
    groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: options.maxWaitMs,
    sessionTimeout,
    heartbeatInterval: Math.min(3000, Math.floor(sessionTimeout / 3)),
    retry: { initialRetryTime: 100, retries: 10 },
  } satisfies ConsumerConfig;
}
