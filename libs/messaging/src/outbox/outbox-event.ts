import { randomUUID } from 'node:crypto';
import { Schema } from 'mongoose';
import { EVENT_CATALOG, type EventPayload, type EventType } from '@lers/contracts';
import { currentCorrelationId } from '@lers/observability';

/** An event waiting, inside its aggregate's document, to be published by the relay. */
export interface OutboxEvent {
  id: string;
  type: string;
  version: number;
  topic: string;
  key: string;
  occurredAt: string;
  correlationId: string;
  producer: string;
  payload: object;
}

const OutboxEventSchema = new Schema<OutboxEvent>(
  {
    id: { type: String, required: true },
    type: { type: String, required: true },
    version: { type: Number, required: true },
    topic: { type: String, required: true },
    key: { type: String, required: true },
    occurredAt: { type: String, required: true },
    correlationId: { type: String, required: true },
    producer: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
  },
  { _id: false },
);

/**
 * Fields every aggregate with an outbox carries. `revision` guards every write (optimistic
 * concurrency); `outboxPending` lets the relay find work without scanning arrays.
 */
export const outboxFields = {
  outbox: { type: [OutboxEventSchema], default: [] },
  outboxPending: { type: Boolean, default: false, index: true },
  revision: { type: Number, default: 0 },
};

export interface WithOutbox {
  outbox: OutboxEvent[];
  outboxPending: boolean;
  revision: number;
}

/** Builds an event of a catalogued type; a payload of the wrong shape does not compile. */
export function newEvent<T extends EventType>(
  producer: string,
  type: T,
  key: string,
  payload: EventPayload<T>,
  occurredAt: Date = new Date(),
): OutboxEvent {
  const entry = EVENT_CATALOG[type];
  return {
    id: randomUUID(),
    type,
    version: entry.version,
    topic: entry.topic,
    key,
    occurredAt: occurredAt.toISOString(),
    correlationId: currentCorrelationId() ?? randomUUID(),
    producer,
    payload: JSON.parse(JSON.stringify(payload)),
  };
}
