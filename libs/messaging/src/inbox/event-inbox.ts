import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
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
import { EventLedger } from './event-ledger';
import { PROCESSED_EVENT_MODEL, type ProcessedEvent } from './processed-event.schema';
import { backoffMs, POISON_ATTEMPTS, POISON_BACKOFF, RedeliverLater, retryWhileLeasedMs } from './redelivery';
import { isTransient } from './transient-error';

type Envelope<T extends EventType> = EventEnvelope<EventPayload<T>>;

/**
 * A handler whose one write is keyed by the event id (a unique `_id` such as `<eventId>:<template>`),
 * so the database applies it at most once by itself: that write is the claim, and the inbox takes
 * no lease. `apply` resolves true when this run applied the event, false when it was already applied.
 */
export interface KeyedByEventId<T extends EventType> {
  readonly keyedByEventId: (event: Envelope<T>) => Promise<boolean>;
}

export const keyedByEventId = <T extends EventType>(
  apply: (event: Envelope<T>) => Promise<boolean>,
): KeyedByEventId<T> => ({ keyedByEventId: apply });

/** A plain handler runs under the inbox's lease; a `keyedByEventId` one is its own guard. */
export type EventHandler<T extends EventType> = ((event: Envelope<T>) => Promise<void>) | KeyedByEventId<T>;

export type EventHandlers = { [T in EventType]?: EventHandler<T> };

/** A handler of whichever type, as the inbox calls it once the payload is validated. */
type AnyHandler =
  ((event: EventEnvelope) => Promise<void>) | { keyedByEventId: (event: EventEnvelope) => Promise<boolean> };

type Outcome = 'applied' | 'duplicate' | 'ignored' | 'dead_lettered' | 'retry_later' | 'failed';

/**
 * Applies consumed events at most once per consumer group and never blocks on a bad one:
 * validate the envelope and payload, claim the event in the ledger (a lease: one consumer at a
 * time), run the handler, record it done. Unparseable messages are parked on the dead-letter
 * topic at once; a handler that keeps failing for a non-transient reason after POISON_ATTEMPTS
 * tries. Everything else that cannot be applied now — a dependency away, another consumer's live
 * lease, a try left — is thrown (RedeliverLater or the transient error) for the Kafka server to
 * deliver again later; nothing is ever skipped.
 *
 * A plain handler may run again in one case: its write succeeded but the acknowledgement was lost
 * (the process died, or the connection dropped before the reply), so no `done` was recorded.
 * Handlers that must never repeat write by event id (`keyedByEventId`).
 */
@Injectable()
export class EventInbox {
  private readonly logger = new Logger(EventInbox.name);
  private readonly ledger: EventLedger;
  /** Events this instance is applying right now (the lease is per instance, not per call). */
  private readonly inFlight = new Set<string>();
  /** Applied here, `done` not yet stored (the database went away): never run their handler again. */
  private readonly appliedNotRecorded = new Set<string>();

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @InjectModel(PROCESSED_EVENT_MODEL) model: Model<ProcessedEvent>,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly metrics: Metrics,
  ) {
    const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.ledger = new EventLedger(model, groupIdOf(options), owner);
  }

  /** `context` is the handler's `@Ctx()` (Nest types event handlers' extra arguments as unknown). */
  async consume(kafkaContext: unknown, raw: unknown, handlers: EventHandlers): Promise<void> {
    if (!(kafkaContext instanceof KafkaContext))
      throw new Error('EventInbox.consume needs the KafkaContext from @Ctx()');
    const context = kafkaContext;
    const started = process.hrtime.bigint();
    let outcome: Outcome = 'failed';
    try {
      outcome = await this.apply(context, raw, handlers);
    } catch (error) {
      outcome = error instanceof RedeliverLater || isTransient(error) ? 'retry_later' : 'failed';
      throw error;
    } finally {
      const type = (raw as { type?: unknown } | null)?.type;
      this.metrics.kafkaHandlerDuration.observe(
        {
          topic: context.getTopic(),
          type: typeof type === 'string' && type in EVENT_CATALOG ? type : 'unknown',
          outcome,
        },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    }
  }

  private async apply(context: KafkaContext, raw: unknown, handlers: EventHandlers): Promise<Outcome> {
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
    const handler = handlers[event.type as EventType] as AnyHandler | undefined;
    if (!handler) return 'ignored';
    const payload = validateAs(entry.payload as new () => object, event.payload);
    if (!payload.ok) return this.park(context, `invalid ${event.type} payload: ${describe(payload.errors)}`);
    event.payload = payload.value;

    const id = this.ledger.idOf(event);
    if (this.inFlight.has(id)) throw new RedeliverLater(`event ${event.id} is being applied here`, 100);
    this.inFlight.add(id);
    try {
      return await runWithCorrelation(event.correlationId, () =>
        typeof handler === 'function'
          ? this.applyLeased(context, event, handler)
          : this.applyKeyed(context, event, handler.keyedByEventId),
      );
    } finally {
      this.inFlight.delete(id);
    }
  }

  private async applyLeased(
    context: KafkaContext,
    event: EventEnvelope,
    handler: (event: EventEnvelope) => Promise<void>,
  ): Promise<Outcome> {
    if (this.appliedNotRecorded.has(this.ledger.idOf(event)))
      return this.recordDone(event, true, 'duplicate');
    const claim = await this.ledger.claim(event);
    if (claim.kind === 'done') return 'duplicate';
    if (claim.kind === 'held') {
      throw new RedeliverLater(
        `event ${event.id} is leased by ${claim.by}`,
        retryWhileLeasedMs(claim.remainingMs),
      );
    }
    if (claim.failures >= POISON_ATTEMPTS) {
      return this.deadLetter(context, event, `handler failed ${claim.failures} times: ${claim.lastError}`);
    }
    try {
      await handler(event);
    } catch (error) {
      return this.handlerFailed(context, event, error, true);
    }
    return this.recordDone(event, true, 'applied');
  }

  private async applyKeyed(
    context: KafkaContext,
    event: EventEnvelope,
    apply: (event: EventEnvelope) => Promise<boolean>,
  ): Promise<Outcome> {
    if (this.appliedNotRecorded.has(this.ledger.idOf(event)))
      return this.recordDone(event, false, 'duplicate');
    let applied: boolean;
    try {
      applied = await apply(event);
    } catch (error) {
      return this.handlerFailed(context, event, error, false);
    }
    return this.recordDone(event, false, applied ? 'applied' : 'duplicate');
  }

  /** If this write fails the event is delivered again, and its handler is not run again here. */
  private async recordDone(event: EventEnvelope, leased: boolean, outcome: Outcome): Promise<Outcome> {
    const id = this.ledger.idOf(event);
    this.appliedNotRecorded.add(id);
    await this.ledger.done(event, leased);
    this.appliedNotRecorded.delete(id);
    return outcome;
  }

  private async handlerFailed(
    context: KafkaContext,
    event: EventEnvelope,
    error: unknown,
    leased: boolean,
  ): Promise<Outcome> {
    if (isTransient(error)) {
      if (leased) await this.ledger.release(event).catch(() => undefined);
      throw error;
    }
    const reason = (error as Error)?.message ?? String(error);
    const failures = await this.ledger.recordFailure(event, reason);
    if (failures === 'done') return 'duplicate';
    if (failures >= POISON_ATTEMPTS) {
      return this.deadLetter(context, event, `handler failed ${failures} times: ${reason}`);
    }
    this.logger.warn(
      { err: error, eventId: event.id, type: event.type, failures },
      'event handler failed; will try again',
    );
    throw new RedeliverLater(
      `handler failed (${failures} of ${POISON_ATTEMPTS} tries): ${reason}`,
      backoffMs(failures, POISON_BACKOFF),
    );
  }

  /**
   * The ledger entry goes first: if parking then fails, the message comes back and gets its tries
   * afresh (late, never lost); the other order could park it twice.
   */
  private async deadLetter(context: KafkaContext, event: EventEnvelope, reason: string): Promise<Outcome> {
    await this.ledger.forget(event);
    return this.park(context, reason);
  }

  private async park(context: KafkaContext, reason: string): Promise<Outcome> {
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
