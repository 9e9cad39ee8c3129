import { ServerKafka, type KafkaOptions } from '@nestjs/microservices';
import type { Consumer } from 'kafkajs';

/**
 * Nest's Kafka transport, plus knowing whether our consumer is really consuming: joined its group
 * and fetching. Readiness waits for that, so nothing is routed to a replica that would not see it.
 */
export class LersKafkaServer extends ServerKafka {
  private joined = false;
  private fetching = false;
  private lastFailure = 'not started';

  constructor(options: KafkaOptions['options']) {
    super(options ?? {});
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = (this as unknown as { consumer: Consumer | null }).consumer;
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
    consumer.on(consumer.events.FETCH, () => {
      this.fetching = this.joined;
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
