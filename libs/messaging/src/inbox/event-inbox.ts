import { Inject, Injectable, Logger } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  EVENT_CATALOG,
  EventEnvelope,
  validateAs,
  type EventPayload,
  type EventTopic,
  type EventType,
} from '@lers/contracts';
import { Metrics, runWithCorrelation } from '@lers/observability';
import { groupIdOf, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { PROCESSED_EVENT_MODEL, type ProcessedEvent } from './processed-event.schema';
import { isTransient } from './transient-error';
import { isDuplicateKey } from '@lers/persistence';

export type EventHandlers = {
  [T in EventType]?: (event: EventEnvelope<EventPayload<T>>) => Promise<void>;
};

const ATTEMPTS_BEFORE_DEAD_LETTER = 3;

/**
 * Applies consumed events at most once per consumer group and never blocks on a bad one:
 * validate the envelope and payload, skip what the ledger says was applied, run the handler,
 * record it. What cannot be parsed, or keeps failing for a non-transient reason, is parked on
 * the dead-letter topic and the consumer moves on. Transient failures are rethrown, so Kafka
 * redelivers them once the dependency is back.
 */
@Injectable()
export class EventInbox {
  private readonly logger = new Logger(EventInbox.name);

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @InjectModel(PROCESSED_EVENT_MODEL) private readonly ledger: Model<ProcessedEvent>,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly metrics: Metrics,
  ) {}

  /** `context` is the handler's `@Ctx()` (Nest types event handlers' extra arguments as unknown). */
  async consume(kafkaContext: unknown, raw: unknown, handlers: EventHandlers): Promise<void> {
    if (!(kafkaContext instanceof KafkaContext))
      throw new Error('EventInbox.consume needs the KafkaContext from @Ctx()');
    const context = kafkaContext;
    const topic = context.getTopic() as EventTopic;
    const started = process.hrtime.bigint();
    const outcome = await this.apply(context, raw, handlers);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const type = (raw as { type?: unknown } | null)?.type;
    this.metrics.kafkaHandlerDuration.observe(
      { topic, type: typeof type === 'string' && type in EVENT_CATALOG ? type : 'unknown', outcome },
      seconds,
    );
  }

  private async apply(context: KafkaContext, raw: unknown, handlers: EventHandlers) {
    const envelope = validateAs(EventEnvelope, raw);
    if (!envelope.ok) return this.park(context, `invalid envelope: ${describe(envelope.errors)}`);
    const event = envelope.value;
    const entry = EVENT_CATALOG[event.type as EventType];
    if (!entry) return 'ignored';
    if (entry.version !== event.version || entry.topic !== context.getTopic()) {
      return this.park(
        context,
        `unsupported ${event.type} version ${event.version} on ${context.getTopic()}`,
      );
    }
    const handler = handlers[event.type as EventType] as ((e: EventEnvelope) => Promise<void>) | undefined;
    if (!handler) return 'ignored';
    const payload = validateAs(entry.payload as new () => object, event.payload);
    if (!payload.ok) return this.park(context, `invalid ${event.type} payload: ${describe(payload.errors)}`);
    event.payload = payload.value;

    if (!(await this.claim(event))) return 'duplicate';
    return runWithCorrelation(event.correlationId, () => this.run(context, event, handler));
  }

  private async run(
    context: KafkaContext,
    event: EventEnvelope,
    handler: (e: EventEnvelope) => Promise<void>,
  ) {
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(event);
        await this.ledger.updateOne(
          { _id: this.ledgerId(event) },
          { $set: { status: 'done', at: new Date() } },
        );
        return 'applied';
      } catch (error) {
        if (isTransient(error)) throw error;
        if (attempt >= ATTEMPTS_BEFORE_DEAD_LETTER) {
          await this.ledger.deleteOne({ _id: this.ledgerId(event), status: 'processing' });
          return this.park(context, `handler failed ${attempt} times: ${(error as Error).message}`);
        }
        this.logger.warn({ err: error, eventId: event.id, attempt }, 'event handler failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }

  /** True when this consumer should apply the event: it is new, or an earlier attempt died midway. */
  private async claim(event: EventEnvelope): Promise<boolean> {
    const _id = this.ledgerId(event);
    try {
      await this.ledger.create({
        _id,
        consumer: groupIdOf(this.options),
        eventId: event.id,
        type: event.type,
        status: 'processing',
        at: new Date(),
      });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.ledger.findById(_id).lean();
      return existing?.status !== 'done';
    }
  }

  private ledgerId(event: EventEnvelope): string {
    return `${groupIdOf(this.options)}:${event.id}`;
  }

  private async park(context: KafkaContext, reason: string) {
    const message = context.getMessage();
    await this.deadLetters.park({
      topic: context.getTopic() as EventTopic,
      partition: context.getPartition(),
      offset: message.offset,
      key: message.key,
      value: rawValueOf(message.value),
      headers: message.headers ?? {},
      consumer: groupIdOf(this.options),
      reason,
    });
    return 'dead_lettered';
  }
}

function describe(errors: { field: string; message: string }[]): string {
  return errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
}

/** Nest's parser has already decoded the value; park what was sent, re-encoded when it was JSON. */
function rawValueOf(value: unknown): Buffer | string | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || typeof value === 'string') return value;
  return JSON.stringify(value);
}
