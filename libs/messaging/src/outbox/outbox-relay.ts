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
import { GroupCommit } from '../inbox/group-commit';
import { KafkaConnection } from '../kafka/kafka-connection';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { PollingWorker } from '../polling-worker';
import type { OutboxEvent, WithOutbox } from './outbox-event';

const BATCH = 100;
const PUBLISH_BATCH = 500;
const MAX_CLEAR_ATTEMPTS = 5;

type OutboxDocument = WithOutbox & { _id: unknown };

interface Written {
  model: Model<OutboxDocument>;
  document: OutboxDocument;
}

/**
 * Publishes outbox events and then clears them from their document. The writer hands over what
 * it just wrote, which is published at once (no read back); a timer also scans for pending
 * documents, which recovers events left by a crash between write and publish, or by a failed
 * publish. Under load, round trips are shared (GroupCommit): one produce request for everything
 * handed over meanwhile, and one bulk clear; clearing never holds up the next publish. Delivery
 * is at least once: consumers are idempotent by event id.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly worker: PollingWorker;
  private readonly publishes: GroupCommit<Written, void>;
  private readonly clears: GroupCommit<Written, void>;
  /** Documents between hand-over (or scan) and clear, with the revision being relayed. */
  private readonly relaying = new Map<string, number>();
  /**
   * Documents cleared during this scan pass and the one before (id → revision): a scan's read may
   * have seen one still pending just before its hand-over cleared it; it is not published twice.
   */
  private clearedRecently = [new Map<string, number>(), new Map<string, number>()];
  private readonly handovers = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @InjectConnection() private readonly connection: Connection,
    private readonly kafka: KafkaConnection,
  ) {
    this.worker = new PollingWorker(() => this.drain(), options.outboxPollMs);
    this.publishes = new GroupCommit(async (written) => {
      await this.kafka.connect();
      await this.publish(written.flatMap(({ document }) => document.outbox));
      return written.map(() => undefined);
    }, PUBLISH_BATCH);
    this.clears = new GroupCommit(async (written) => {
      const byModel = new Map<Model<OutboxDocument>, OutboxDocument[]>();
      for (const { model, document } of written)
        byModel.set(model, [...(byModel.get(model) ?? []), document]);
      await Promise.all([...byModel].map(([model, documents]) => this.clearAll(model, documents)));
      return written.map(() => undefined);
    }, BATCH);
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  /** Finishes the publishes under way (graceful shutdown flushes what it already started). */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.handovers]);
    await this.worker.stop();
  }

  /** Wakes the scan (it finds what is pending in every outbox model). */
  nudge(): void {
    this.worker.nudge();
  }

  /**
   * Publishes the pending events of a document just written (`document` as stored: its `_id`,
   * `revision` and whole `outbox`). Never throws: on failure the scan publishes them later.
   */
  publishWritten<Doc extends WithOutbox>(model: Model<Doc>, document: OutboxDocument): void {
    if (this.stopped || document.outbox.length === 0) return;
    // A scan may have read this very write first (between the insert's reply and this call).
    if (this.relaying.get(String(document._id)) === document.revision) return;
    const handover: Promise<void> = this.relay({ model: model as unknown as Model<OutboxDocument>, document })
      .catch((error) => {
        this.logger.warn({ err: error }, 'outbox publish failed; the relay scan will retry');
        this.nudge();
      })
      .finally(() => this.handovers.delete(handover));
    this.handovers.add(handover);
  }

  /** Publishes everything pending now; resolves when done (tests and shutdown use it). */
  async drain(): Promise<void> {
    try {
      this.clearedRecently = [new Map(), this.clearedRecently[0]];
      for (const name of this.options.outboxModels ?? []) {
        const model = this.connection.model<OutboxDocument>(name);
        for (;;) {
          const found = await model.find({ outboxPending: true }).limit(BATCH).lean<OutboxDocument[]>();
          const pending = found.filter((document) => !this.isBeingOrJustRelayed(document));
          await Promise.all(pending.map((document) => this.relay({ model, document })));
          if (found.length < BATCH || pending.length === 0) break;
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay pass failed; will retry');
    }
  }

  /** Publish, then (once acknowledged) clear: the document's events leave its outbox only when sent. */
  private async relay(written: Written): Promise<void> {
    const id = String(written.document._id);
    this.relaying.set(id, written.document.revision);
    try {
      await this.publishes.submit(written);
      await this.clears.submit(written);
      this.clearedRecently[0].set(id, written.document.revision);
    } finally {
      if (this.relaying.get(id) === written.document.revision) this.relaying.delete(id);
    }
  }

  private isBeingOrJustRelayed(document: OutboxDocument): boolean {
    const id = String(document._id);
    return (
      this.relaying.has(id) || this.clearedRecently.some((cleared) => cleared.get(id) === document.revision)
    );
  }

  /**
   * Removes the published events from their documents, each guarded by its revision. The rare
   * document that changed meanwhile is read again and what is new published (`clear`), rather
   * than erase an event that was never sent. Clearing leaves `revision` alone on purpose, so the
   * relay never makes a domain write fail.
   */
  private async clearAll(model: Model<OutboxDocument>, documents: OutboxDocument[]): Promise<void> {
    // The driver's own bulkWrite: the values come from the stored document and need no casting.
    const result = await model.collection.bulkWrite(
      documents.map((document) => ({
        updateOne: {
          filter: { _id: document._id as never, revision: document.revision },
          update: { $set: { outbox: [], outboxPending: false } },
        },
      })),
      { ordered: false },
    );
    if (result.matchedCount === documents.length) return;
    // Which ones moved on is not in the bulk result: clear one by one (a cleared one matches again).
    await Promise.all(documents.map((document) => this.clear(model, document)));
  }

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
