import { Schema } from 'mongoose';
import type { AuditIntent } from './domain/audit-entry';

/**
 * Fields of an aggregate whose changes are audited: the change's intents ride in the SAME
 * single-document write as the change itself (`auditPending`), and `AuditAppender` moves them into
 * the chain afterwards. A crash in between loses nothing: the next scan finds `auditQueued`.
 */
export const auditFields = {
  auditPending: { type: [Schema.Types.Mixed], default: [] },
  auditQueued: { type: Boolean, default: false, index: true },
};

export interface WithAuditQueue {
  auditPending: AuditIntent[];
  auditQueued: boolean;
}

/** The `$set` that adds intents to a stored aggregate's queue (keep what is still pending). */
export function queueAudit(
  stored: Partial<WithAuditQueue> | null,
  ...intents: AuditIntent[]
): WithAuditQueue {
  return { auditPending: [...(stored?.auditPending ?? []), ...intents], auditQueued: true };
}
