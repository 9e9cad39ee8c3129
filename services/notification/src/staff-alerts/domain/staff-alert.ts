import type { RequestStatus } from '@lers/contracts';

export const STAFF_ALERT_KINDS = [
  'notice_no_matching_user',
  'notice_ambiguous_user',
  'notice_failed',
  'non_disclosure_open_ended',
  'request_due_soon',
  'request_overdue',
] as const;
export type StaffAlertKind = (typeof STAFF_ALERT_KINDS)[number];

/** What staff read for each kind of alert. */
export const ALERT_WORDS: Record<StaffAlertKind, string> = {
  notice_no_matching_user:
    'No exchange user matches this subject: decide (waive) before records can be released.',
  notice_ambiguous_user:
    'Several exchange users match this subject: decide (waive) or correct the directory.',
  notice_failed:
    'The user notice could not be delivered after every retry: decide (waive) or contact the user.',
  non_disclosure_open_ended:
    'A non-disclosure order without an end date holds this notice: review whether it still applies.',
  request_due_soon: 'This request is due soon.',
  request_overdue: 'This request is past its due date.',
};

/** Statuses in which the answer is up to staff, so its due date matters. */
const AWAITING_STAFF: readonly RequestStatus[] = ['submitted', 'in_review'];

export const awaitsStaff = (status: RequestStatus): boolean => AWAITING_STAFF.includes(status);

/** Where a request stands against its due date: nothing yet, due within `soonMs`, or overdue. */
export function deadlineStage(
  dueBy: Date,
  now: Date,
  soonMs: number,
): 'request_due_soon' | 'request_overdue' | null {
  const left = dueBy.getTime() - now.getTime();
  if (left <= 0) return 'request_overdue';
  return left <= soonMs ? 'request_due_soon' : null;
}
