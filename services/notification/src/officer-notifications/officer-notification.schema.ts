import { Schema } from 'mongoose';
import type { OfficerNotificationKind, RequestStatus } from '@lers/contracts';

export const OFFICER_NOTIFICATION_MODEL = 'OfficerNotification';

/** One in-app notification; `_id` is the id of the event that caused it, so it is stored once. */
export interface OfficerNotificationDocument {
  _id: string;
  officerId: string;
  agencyId: string;
  kind: OfficerNotificationKind;
  message: string;
  requestId: string | null;
  caseNumber: string | null;
  preservationId: string | null;
  status: RequestStatus | null;
  createdAt: Date;
  readAt: Date | null;
}

export const OfficerNotificationSchema = new Schema<OfficerNotificationDocument>(
  {
    _id: { type: String, required: true },
    officerId: { type: String, required: true, index: true },
    agencyId: { type: String, required: true },
    kind: { type: String, required: true },
    message: { type: String, required: true },
    requestId: { type: String, default: null },
    caseNumber: { type: String, default: null },
    preservationId: { type: String, default: null },
    status: { type: String, default: null },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { collection: 'officer_notifications', versionKey: false },
);

export function officerNotificationView(row: OfficerNotificationDocument) {
  return {
    id: row._id,
    kind: row.kind,
    message: row.message,
    requestId: row.requestId,
    caseNumber: row.caseNumber,
    preservationId: row.preservationId,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
    readAt: row.readAt?.toISOString() ?? null,
  };
}
