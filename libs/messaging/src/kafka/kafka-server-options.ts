import { COMMAND_TOPICS } from '@lers/contracts';
import { groupIdOf, type MessagingOptions } from '../messaging-options';
import { consumerConfig, IDEMPOTENT_PRODUCER, kafkaClientConfig } from './client-config';
import { LersKafkaServer } from './lers-kafka-server';

/**
 * Partitions handled at once. A service consumes one or two event topics and up to nine command
 * topics; one slow partition must not make the others wait for a worker.
 */
const PARTITIONS_CONSUMED_CONCURRENTLY = 8;

/** Keys of one partition's batch handled side by side (each a database write or two). */
const KEYS_IN_FLIGHT = 16;

/** The Kafka side of a hybrid Nest app: consumes the service's events and commands. */
export function createKafkaServer(options: MessagingOptions): LersKafkaServer {
  const consumer = consumerConfig(options, groupIdOf(options));
  return new LersKafkaServer(
    {
      postfixId: '',
      client: kafkaClientConfig(options, `lers-${options.service}-consumer`),
      consumer,
      producer: IDEMPOTENT_PRODUCER,
      run: { partitionsConsumedConcurrently: PARTITIONS_CONSUMED_CONCURRENTLY },
    },
    {
      eventsFromBeginning: options.fromBeginning ?? true,
      commandTopics: Object.values(COMMAND_TOPICS),
      keysInFlight: KEYS_IN_FLIGHT,
      heartbeatIntervalMs: consumer.heartbeatInterval,
    },
  );
}
