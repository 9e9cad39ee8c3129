import { auditFields, type WithAuditQueue } from '@lers/audit';
import { Schema } from 'mongoose';
import type { DataCategory, NoticeOutcome } from '@lers/contracts';
import { outboxFields, type WithOutbox } from '@lers/messaging';
import type { NoticeReason, NoticeStatus } from './domain/notice';

export const NOTICE_MODEL = 'UserNotice';

export interface NoticeDecision {
  kind: 'waived' | 'order_lifted';
  reason: string;
  by: string;
  at: Date;
}

/**
 * The notice to one subject of one approved request (`_id` `<requestId>:<subjectIndex>`). It keeps
 * only what the notice needs: who asked (agency and country) and which categories — never the case's
 * facts, the officer or the case number. Its settlement event leaves through the document's outbox.
 */
export interface NoticeDocument extends WithOutbox, Partial<WithAuditQueue> {
  _id: string;
  requestId: string;
  subjectIndex: number;
  subject: { type: string; value: string; chain?: string };
  agencyName: string;
  agencyCountry: string;
  dataRequested: DataCategory[];
  status: NoticeStatus;
  reason: NoticeReason;
  userId: string | null;
  email: string | null;
  /** The e-mail being sent (shared by the subjects of one request that are the same user). */
  emailId: string | null;
  orderUntil: Date | null;
  reviewDueAt: Date | null;
  settled: NoticeOutcome | null;
  decision: NoticeDecision | null;
  correlationId: string;
  createdAt: Date;
  updatedAt: Date;
}

export const NoticeSchema = new Schema<NoticeDocument>(
  {
    _id: { type: String, required: true },
    requestId: { type: String, required: true, index: true },
    subjectIndex: { type: Number, required: true },
    subject: {
      type: new Schema({ type: String, value: String, chain: String }, { _id: false }),
      required: true,
    },
    agencyName: { type: String, required: true },
    agencyCountry: { type: String, required: true },
    dataRequested: { type: [String], required: true },
    status: { type: String, required: true, index: true },
    reason: { type: String, required: true },
    userId: { type: String, default: null },
    email: { type: String, default: null },
    emailId: { type: String, default: null },
    orderUntil: { type: Date, default: null },
    reviewDueAt: { type: Date, default: null },
    settled: { type: String, default: null },
    decision: {
      type: new Schema({ kind: String, reason: String, by: String, at: Date }, { _id: false }),
      default: null,
    },
    correlationId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ...outboxFields,
    ...auditFields,
  },
  { collection: 'user_notices', versionKey: false },
);

export function noticeView(notice: NoticeDocument) {
  return {
    id: notice._id,
    requestId: notice.requestId,
    subjectIndex: notice.subjectIndex,
    subject: notice.subject,
    status: notice.status,
    reason: notice.reason,
    userId: notice.userId,
    suppressedUntil: notice.status === 'suppressed' ? (notice.orderUntil?.toISOString() ?? null) : null,
    reviewDueAt: notice.reviewDueAt?.toISOString() ?? null,
    settled: notice.settled,
    decision: notice.decision && { ...notice.decision, at: notice.decision.at.toISOString() },
    createdAt: notice.createdAt.toISOString(),
    updatedAt: notice.updatedAt.toISOString(),
  };
}
