import { auditFields, type WithAuditQueue } from '@lers/audit';
import { Schema } from 'mongoose';
import { outboxFields, type WithOutbox } from '@lers/messaging';

export const SESSION_MODEL = 'Session';

/**
 * A login. The refresh token is `<sessionId>.<secret>`; only hashes are kept. Rotation replaces
 * the current hash and remembers the old ones: presenting an old one means the token was stolen,
 * and the whole session (the token family) is revoked. Only the last 20 old hashes are kept, and
 * ended sessions are deleted after ENDED_SESSION_RETENTION_DAYS (session-pruning.ts). Ending one
 * announces `access.session.ended` from its outbox, in the same write.
 */
export interface SessionDocument extends WithOutbox, Partial<WithAuditQueue> {
  _id: string;
  accountId: string;
  kind: 'officer' | 'staff';
  refreshHash: string;
  usedRefreshHashes: string[];
  createdAt: Date;
  lastUsedAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

export const SessionSchema = new Schema<SessionDocument>(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true, index: true },
    kind: { type: String, required: true },
    refreshHash: { type: String, required: true },
    usedRefreshHashes: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    lastUsedAt: { type: Date, required: true, index: true },
    revokedAt: { type: Date, default: null, index: true },
    revokedReason: { type: String, default: null },
    ...outboxFields,
    ...auditFields,
    revision: { type: Number, required: true },
  },
  { collection: 'sessions', versionKey: false },
);
