import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Message } from 'kafkajs';
import type { Connection, Model } from 'mongoose';
import { CORRELATION_HEADER } from '@lers/observability';
import { KafkaConnection } from '../kafka/kafka-connection';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { PollingWorker } from '../polling-worker';
import type { OutboxEvent, WithOutbox } from './outbox-event';

const BATCH = 100;
const MAX_CLEAR_ATTEMPTS = 5;

type OutboxDocument = WithOutbox & { _id: unknown };

/**
 * Publishes outbox events and then clears them from their document. Runs when a write nudges it
 * and on a timer (which also recovers events left by a crash between write and publish). Delivery
 * is at least once: consumers are idempotent by event id.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly worker: PollingWorker;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @InjectConnection() private readonly connection: Connection,
    private readonly kafka: KafkaConnection,
  ) {
    this.worker = new PollingWorker(() => this.drain(), options.outboxPollMs);
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }

  nudge(): void {
    this.worker.nudge();
  }

  /** Publishes everything pending now; resolves when done (tests and shutdown use it). */
  async drain(): Promise<void> {
    try {
      await this.kafka.connect();
      for (const name of this.options.outboxModels ?? []) {
        const model = this.connection.model<OutboxDocument>(name);
        for (;;) {
          const pending = await model.find({ outboxPending: true }).limit(BATCH).lean<OutboxDocument[]>();
          if (pending.length === 0) break;
          // One produce request for the whole batch, then the clears in parallel.
          await this.publish(pending.flatMap((document) => document.outbox));
          await Promise.all(pending.map((document) => this.clear(model, document)));
          if (pending.length < BATCH) break;
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay pass failed; will retry');
    }
  }

  /**
   * Removes the published events from their document. Guarded by revision: if the aggregate
   * changed meanwhile, read it again and publish what is new rather than erase an event that
   * was never sent. Clearing leaves `revision` alone on purpose, so the relay never makes a
   * domain write fail.
   */
  private async clear(model: Model<OutboxDocument>, document: OutboxDocument): Promise<void> {
    const published = new Set(document.outbox.map((event) => event.id));
    let current: OutboxDocument | null = document;
    for (let attempt = 0; current && attempt < MAX_CLEAR_ATTEMPTS; attempt++) {
      const cleared = await model.updateOne(
        { _id: current._id, revision: current.revision },
        { $set: { outbox: [], outboxPending: false } },
      );
      if (cleared.matchedCount === 1) return;
      current = await model.findOne({ _id: current._id }).lean<OutboxDocument>();
      const unpublished = current?.outbox.filter((event) => !published.has(event.id)) ?? [];
      await this.publish(unpublished);
      unpublished.forEach((event) => published.add(event.id));
    }
  }

  /**
   * Within a topic the messages keep their order, and an aggregate's events share a key (so a
   * partition): its events are consumed in the order they happened.
   */
  private async publish(events: OutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    const byTopic = new Map<string, Message[]>();
    for (const { topic, ...envelope } of events) {
      const messages = byTopic.get(topic) ?? [];
      messages.push({
        key: envelope.key,
        value: JSON.stringify(envelope),
        headers: {
          [CORRELATION_HEADER]: envelope.correlationId,
          'x-event-type': envelope.type,
          'x-event-id': envelope.id,
        },
      });
      byTopic.set(topic, messages);
    }
    await this.kafka.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }
}
