import { Schema } from 'mongoose';

/**
 * The consumer's ledger of events it has applied, in the consumer's own database. The id is
 * `<consumer>:<eventId>`: inserting it is the duplicate check, served by the unique _id index.
 */
export interface ProcessedEvent {
  _id: string;
  consumer: string;
  eventId: string;
  type: string;
  status: 'processing' | 'done';
  at: Date;
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
  },
  { collection: 'processed_events', versionKey: false },
);
