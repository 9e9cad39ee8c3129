import { Schema } from 'mongoose';
import type { SealedReply } from './request-fingerprint';

export const IDEMPOTENCY_RECORD_MODEL = 'IdempotencyRecord';

/**
 * A command sent with an Idempotency-Key, per actor and key (`_id`, unique). While `in_progress`
 * a lease keeps a second copy from running; once `done` it holds the sealed reply that a retry
 * gets back. Pruned after the idempotency window (IDEMPOTENCY_WINDOW_DAYS).
 */
export interface IdempotencyRecord {
  _id: string;
  command: string;
  fingerprint: string;
  status: 'in_progress' | 'done';
  leaseUntil: Date | null;
  reply: SealedReply | null;
  createdAt: Date;
}

const SealedReplySchema = new Schema<SealedReply>(
  {
    iv: { type: String, required: true },
    tag: { type: String, required: true },
    data: { type: String, required: true },
  },
  { _id: false },
);

export const IdempotencyRecordSchema = new Schema<IdempotencyRecord>(
  {
    _id: { type: String, required: true },
    command: { type: String, required: true },
    fingerprint: { type: String, required: true },
    status: { type: String, required: true, enum: ['in_progress', 'done'] },
    leaseUntil: { type: Date, default: null },
    reply: { type: SealedReplySchema, default: null },
    createdAt: { type: Date, required: true, index: true },
  },
  { collection: 'idempotency_records', versionKey: false },
);
