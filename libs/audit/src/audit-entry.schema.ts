import { Schema } from 'mongoose';
import type { AuditEntry } from './domain/audit-entry';

export const AUDIT_ENTRY_MODEL = 'AuditEntry';
export const AUDIT_HEAD_MODEL = 'AuditHead';

/** `_id` is the intent's id (one entry per intent); `seq` is unique (one entry per place in the chain). */
export type StoredAuditEntry = AuditEntry & { _id: string };

/**
 * Entries are written with the driver exactly as hashed (no casting, no minimising of empty
 * objects); the schema declares the indexes. Nothing in LERS updates or deletes an entry.
 */
export const AuditEntrySchema = new Schema(
  {
    _id: { type: String },
    seq: { type: Number, required: true, unique: true },
    at: { type: String, required: true, index: true },
    action: { type: String, required: true, index: true },
    'entity.id': { type: String, index: true },
    'actor.id': { type: String, index: true },
  },
  { collection: 'audit_entries', strict: false, minimize: false, versionKey: false, autoIndex: false },
);

/** `{_id: 'head', seq, hash}`: the last entry known to be appended, moved only forward. */
export interface AuditHead {
  _id: string;
  seq: number;
  hash: string;
}

export const AuditHeadSchema = new Schema<AuditHead>(
  { _id: { type: String }, seq: { type: Number, required: true }, hash: { type: String, required: true } },
  { collection: 'audit_chain_head', versionKey: false },
);
