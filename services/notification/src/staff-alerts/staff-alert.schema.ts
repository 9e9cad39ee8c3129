import { Schema } from 'mongoose';
import type { StaffAlertKind } from './domain/staff-alert';

export const STAFF_ALERT_MODEL = 'StaffAlert';

/** One alert for staff; its `_id` names what it is about, so raising it twice keeps one. */
export interface StaffAlertDocument {
  _id: string;
  kind: StaffAlertKind;
  message: string;
  requestId: string | null;
  caseNumber: string | null;
  noticeId: string | null;
  dueBy: Date | null;
  createdAt: Date;
}

export const StaffAlertSchema = new Schema<StaffAlertDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, index: true },
    message: { type: String, required: true },
    requestId: { type: String, default: null, index: true },
    caseNumber: { type: String, default: null },
    noticeId: { type: String, default: null },
    dueBy: { type: Date, default: null },
    createdAt: { type: Date, required: true, index: true },
  },
  { collection: 'staff_alerts', versionKey: false },
);

export const REQUEST_DEADLINE_MODEL = 'RequestDeadline';

/** The latest move of each request, as far as its due date matters to staff alerts. */
export interface RequestDeadlineDocument {
  _id: string;
  caseNumber: string | null;
  awaitingStaff: boolean;
  dueBy: Date | null;
  lastMoveAt: Date;
  /** The furthest stage already alerted for this due date. */
  alerted: 'none' | 'request_due_soon' | 'request_overdue';
}

export const RequestDeadlineSchema = new Schema<RequestDeadlineDocument>(
  {
    _id: { type: String, required: true },
    caseNumber: { type: String, default: null },
    awaitingStaff: { type: Boolean, required: true, index: true },
    dueBy: { type: Date, default: null },
    lastMoveAt: { type: Date, required: true },
    alerted: { type: String, required: true },
  },
  { collection: 'request_deadlines', versionKey: false },
);
