import { Schema } from 'mongoose';

/**
 * The consumer's ledger of events, in the consumer's own database, one entry per (consumer group,
 * event): `_id` is `<consumer>:<eventId>`, so the unique _id index is the duplicate check.
 *
 * `processing` entries are leases: `owner` (one consumer instance) may run the handler until
 * `leaseUntil`; nobody else may while the lease lives. `failures` counts the handler's
 * non-transient failures (the poison count). `done` is final: the event is never applied again.
 * Pruning (processed-event-pruning.ts) removes `done` entries by `at`.
 */
export interface ProcessedEvent {
  _id: string;
  consumer: string;
  eventId: string;
  type: string;
  status: 'processing' | 'done';
  /** When the entry last changed state: claimed, failed, done. */
  at: Date;
  owner?: string | null;
  leaseUntil?: Date | null;
  failures?: number;
  lastError?: string | null;
}

export const PROCESSED_EVENT_MODEL = 'ProcessedEvent';

export const ProcessedEventSchema = new Schema<ProcessedEvent>(
  {
    _id: { type: String, required: true },
    consumer: { type: String, required: true },
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    status: { type: String, required: true, enum: ['processing', 'done'] },
    at: { type: Date, required: true, index: true },
    owner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    failures: { type: Number, default: 0 },
    lastError: { type: String, default: null },
  },
  { collection: 'processed_events', versionKey: false },
);
