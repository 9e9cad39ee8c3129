import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { CORRELATION_HEADER } from '@lers/observability';
import { KafkaConnection } from '../kafka/kafka-connection';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
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
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @InjectConnection() private readonly connection: Connection,
    private readonly kafka: KafkaConnection,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.nudge(), this.options.outboxPollMs);
    this.timer.unref();
    this.nudge();
  }

  /** Finishes the pass under way (graceful shutdown flushes what it already started). */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** Publishes everything pending now; resolves when done (tests and shutdown use it). */
  async drain(): Promise<void> {
    try {
      await this.kafka.connect();
      for (const name of this.options.outboxModels ?? []) {
        const model = this.connection.model<OutboxDocument>(name);
        const pending = await model.find({ outboxPending: true }).limit(BATCH).lean<OutboxDocument[]>();
        for (const document of pending) await this.relay(model, document);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay pass failed; will retry');
    }
  }

  private async relay(model: Model<OutboxDocument>, document: OutboxDocument): Promise<void> {
    const published = new Set<string>();
    let current: OutboxDocument | null = document;
    for (let attempt = 0; current && attempt < MAX_CLEAR_ATTEMPTS; attempt++) {
      const unpublished = current.outbox.filter((event) => !published.has(event.id));
      await this.publish(unpublished);
      unpublished.forEach((event) => published.add(event.id));
      // Guarded by revision: if the aggregate changed meanwhile, read it again rather than
      // erase an event we have not published. Clearing leaves `revision` alone on purpose,
      // so the relay never makes a domain write fail.
      const cleared = await model.updateOne(
        { _id: current._id, revision: current.revision },
        { $set: { outbox: [], outboxPending: false } },
      );
      if (cleared.matchedCount === 1) return;
      current = await model.findOne({ _id: current._id }).lean<OutboxDocument>();
    }
  }

  private async publish(events: OutboxEvent[]): Promise<void> {
    // One event at a time keeps an aggregate's events in order across topics.
    for (const event of events) {
      const { topic, ...envelope } = event;
      await this.kafka.producer.send({
        topic,
        acks: -1,
        messages: [
          {
            key: event.key,
            value: JSON.stringify(envelope),
            headers: {
              [CORRELATION_HEADER]: event.correlationId,
              'x-event-type': event.type,
              'x-event-id': event.id,
            },
          },
        ],
      });
    }
  }
}
