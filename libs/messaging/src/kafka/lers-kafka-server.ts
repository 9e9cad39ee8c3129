import { Logger } from '@nestjs/common';
import { ServerKafka, type KafkaOptions } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { backoffMs, RedeliverLater, TRANSIENT_BACKOFF } from '../inbox/redelivery';
import { chainsByKey, lastResolvableOffset, runChains } from './partition-batch';

export interface ConsumptionSettings {
  /** Where a brand-new consumer group starts on event topics: the beginning in production. */
  eventsFromBeginning: boolean;
  /** Command topics: a brand-new group starts them at the latest offset, never replaying old commands. */
  commandTopics: readonly string[];
  /** How many keys of one partition's batch are handled side by side. */
  keysInFlight: number;
  /** Heartbeats sent while a handler runs, so a slow one does not cost the consumer its partitions. */
  heartbeatIntervalMs: number;
}

type NestConsumer = Parameters<ServerKafka['bindEvents']>[0];

/**
 * Nest's Kafka transport, with the consuming loop LERS needs:
 *
 * - Subscribes event topics from the beginning (for a new group) and command topics from the end.
 * - Consumes batches (kafkajs `eachBatch`): one partition's messages run in order per key, keys
 *   side by side; offsets are resolved only up to the first message not handled.
 * - A handler that throws (a dependency away, RedeliverLater from the inbox) never fails the
 *   consumer and never holds up other partitions: that partition is paused and, after a capped
 *   backoff, fetched again from the first unhandled message.
 * - Knows whether the consumer is really consuming (joined its group and fetching), for readiness.
 */
export class LersKafkaServer extends ServerKafka {
  private readonly log = new Logger(LersKafkaServer.name);
  private joined = false;
  private fetching = false;
  private lastFailure = 'not started';
  /** Failed passes in a row per topic-partition: the backoff for transient failures grows with it. */
  private readonly failuresInARow = new Map<string, number>();

  constructor(
    options: KafkaOptions['options'],
    private readonly consumption: ConsumptionSettings,
  ) {
    super(options ?? {});
  }

  override async bindEvents(nestConsumer: NestConsumer): Promise<void> {
    const consumer = nestConsumer as unknown as Consumer;
    const topics = [...this.messageHandlers.keys()];
    const commands = topics.filter((topic) => this.consumption.commandTopics.includes(topic));
    const events = topics.filter((topic) => !commands.includes(topic));
    if (events.length > 0) {
      await consumer.subscribe({ topics: events, fromBeginning: this.consumption.eventsFromBeginning });
    }
    // A command is a request somebody is waiting on; one sent before this group existed has
    // nobody waiting any more, so a new group starts command topics at their end.
    if (commands.length > 0) await consumer.subscribe({ topics: commands, fromBeginning: false });
    await consumer.run({
      ...this.options.run,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
  }

  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, pause, isRunning, isStale, resolveOffset } = payload;
    const { topic, partition } = batch;
    const applied = new Set<string>();
    const failures: { message: KafkaMessage; error: unknown }[] = [];
    let interrupted = false;
    const keepAlive = setInterval(() => {
      // A failed heartbeat means a rebalance (or the broker away): start nothing new in this batch.
      heartbeat().catch(() => (interrupted = true));
    }, this.consumption.heartbeatIntervalMs);
    try {
      await runChains(chainsByKey(batch.messages), this.consumption.keysInFlight, async (message) => {
        if (interrupted || !isRunning() || isStale()) return false;
        try {
          await this.handleMessage({ topic, partition, message, heartbeat, pause } as never);
          applied.add(message.offset);
          return true;
        } catch (error) {
          failures.push({ message, error });
          return false;
        }
      });
    } finally {
      clearInterval(keepAlive);
    }

    const last = lastResolvableOffset(batch.messages, applied);
    if (last !== undefined) resolveOffset(last);
    const key = `${topic}|${partition}`;
    if (failures.length === 0) {
      this.failuresInARow.delete(key);
      return;
    }
    const inARow = (this.failuresInARow.get(key) ?? 0) + 1;
    this.failuresInARow.set(key, inARow);
    const delays = failures.map(({ error }) =>
      error instanceof RedeliverLater ? error.delayMs : backoffMs(inARow, TRANSIENT_BACKOFF),
    );
    const delayMs = Math.min(...delays);
    const first = failures.reduce((a, b) => (BigInt(a.message.offset) <= BigInt(b.message.offset) ? a : b));
    this.log.warn(
      {
        topic,
        partition,
        offset: first.message.offset,
        failed: failures.length,
        retryInMs: delayMs,
        err: first.error,
      },
      'message not handled; its partition pauses and fetches it again',
    );
    const resume = pause();
    setTimeout(resume, delayMs).unref();
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this.consumer as unknown as Consumer | null;
    if (!consumer) return;
    const lost = (reason: string) => () => {
      this.joined = false;
      this.fetching = false;
      this.lastFailure = reason;
    };
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = true;
      this.fetching = false;
    });
    // kafkajs fetches only as a member holding an assignment, so a fetch proves the consumer is
    // in again, even when a late REBALANCING (from a heartbeat of the previous generation) came
    // after the last GROUP_JOIN and no new join follows.
    consumer.on(consumer.events.FETCH, () => {
      this.joined = true;
      this.fetching = true;
    });
    consumer.on(consumer.events.REBALANCING, lost('rebalancing'));
    consumer.on(consumer.events.CRASH, lost('consumer crashed; restarting'));
    consumer.on(consumer.events.STOP, lost('consumer stopped'));
    consumer.on(consumer.events.DISCONNECT, lost('consumer disconnected'));
  }

  /** Rejects with the reason while the consumer is not joined and fetching. */
  assertConsuming(): void {
    if (!(this.joined && this.fetching)) throw new Error(`Kafka consumer not consuming: ${this.lastFailure}`);
  }
}
