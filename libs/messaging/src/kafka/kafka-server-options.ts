import { groupIdOf, type MessagingOptions } from '../messaging-options';
import { consumerConfig, IDEMPOTENT_PRODUCER, kafkaClientConfig } from './client-config';
import { LersKafkaServer } from './lers-kafka-server';

/** The Kafka side of a hybrid Nest app: consumes the service's events and commands. */
export function createKafkaServer(options: MessagingOptions): LersKafkaServer {
  return new LersKafkaServer({
    postfixId: '',
    client: kafkaClientConfig(options, `lers-${options.service}-consumer`),
    consumer: consumerConfig(options, groupIdOf(options)),
    subscribe: { fromBeginning: options.fromBeginning ?? true },
    producer: IDEMPOTENT_PRODUCER,
    run: { partitionsConsumedConcurrently: 3 },
  });
}
