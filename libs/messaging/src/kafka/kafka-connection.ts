import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Admin, Kafka, type Producer } from 'kafkajs';
import { IDEMPOTENT_PRODUCER, kafkaClientConfig } from './client-config';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { ensureTopics } from './topic-provisioner';
import { allTopics } from '@lers/contracts';

/**
 * The service's own kafkajs client for what Nest's transport does not do: provisioning topics,
 * publishing outbox events and dead letters (idempotent producer, acks from all replicas).
 */
@Injectable()
export class KafkaConnection implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(KafkaConnection.name);
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly admin: Admin;
  private connected?: Promise<void>;

  constructor(@Inject(MESSAGING_OPTIONS) readonly options: MessagingOptions) {
    this.kafka = new Kafka({
      ...kafkaClientConfig(options, `lers-${options.service}`),
      logCreator: () => (entry) => this.logger.warn({ kafka: entry.log }, entry.log.message),
    });
    this.producer = this.kafka.producer(IDEMPOTENT_PRODUCER);
    this.admin = this.kafka.admin();
  }

  /** Connects once and provisions every topic (idempotent: existing topics are left as they are). */
  connect(): Promise<void> {
    this.connected ??= (async () => {
      await this.admin.connect();
      await ensureTopics(this.admin, allTopics());
      await this.producer.connect();
    })().catch((error) => {
      this.connected = undefined;
      throw error;
    });
    return this.connected;
  }

  onApplicationBootstrap(): Promise<void> {
    return this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }
}
