import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { logLevel, Partitioners } from 'kafkajs';
import { groupIdOf, type MessagingOptions } from '../messaging-options';
import { LersKafkaServer } from './lers-kafka-server';

/** The Kafka side of a hybrid Nest app: consumes the service's events and commands. */
export function createKafkaServer(options: MessagingOptions): LersKafkaServer {
  return new LersKafkaServer({
    postfixId: '',
    client: {
      clientId: `lers-${options.service}-consumer`,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      retry: { initialRetryTime: 100, retries: 8 },
    },
    consumer: {
      groupId: groupIdOf(options),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: options.maxWaitMs,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.min(3000, Math.floor((options.sessionTimeoutMs ?? 30_000) / 3)),
      retry: { initialRetryTime: 100, retries: 10 },
    },
    subscribe: { fromBeginning: options.fromBeginning ?? true },
    producer: {
      allowAutoTopicCreation: false,
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { initialRetryTime: 100, maxRetryTime: 5000, retries: Number.MAX_SAFE_INTEGER },
    },
    run: { partitionsConsumedConcurrently: 3 },
  });
}

export function kafkaMicroservice(server: LersKafkaServer): MicroserviceOptions {
  return { strategy: server } as MicroserviceOptions;
}

export { Transport };
