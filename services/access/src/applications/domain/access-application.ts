import type { HolidayCalendar } from '@lers/calendar';
import {
  defineTransitions,
  DomainRuleViolation,
  rejectionReasonOf,
  type TransitionTable,
} from '@lers/domain';
import { reviewDueBy } from './review-deadline';

export const ACCESS_APPLICATION_STATUSES = [
  'pending_email_verification',
  'pending_review',
  'approved',
  'rejected',
] as const;
export type AccessApplicationStatus = (typeof ACCESS_APPLICATION_STATUSES)[number];

export const ACCESS_APPLICATION_ACTIONS = ['verify_email', 'approve', 'reject'] as const;
export type AccessApplicationAction = (typeof ACCESS_APPLICATION_ACTIONS)[number];

/** Where each action leads from each status; an action missing from a status is not allowed there. */
export const ACCESS_APPLICATION_TRANSITIONS: TransitionTable<
  AccessApplicationStatus,
  AccessApplicationAction
> = {
  pending_email_verification: { verify_email: 'pending_review' },
  pending_review: { approve: 'approved', reject: 'rejected' },
  approved: {},
  rejected: {},
};

export { MAX_REJECTION_REASON_LENGTH } from '@lers/domain';

export interface AccessApplicationState {
  readonly status: AccessApplicationStatus;
  /** Set when an approval began creating the officer's account (which is the approval itself). */
  readonly approvalStartedAt?: Date | null;
}

export interface EmailVerification {
  status: 'pending_review';
  emailVerifiedAt: Date;
  reviewDueBy: Date;
}

export interface Approval {
  status: 'approved';
  decidedAt: Date;
  decidedBy: string;
}

export interface Rejection {
  status: 'rejected';
  decidedAt: Date;
  decidedBy: string;
  rejectionReason: string;
}

const ACTION_WORDS: Record<AccessApplicationAction, string> = {
  verify_email: 'verify the e-mail of',
  approve: 'approve',
  reject: 'reject',
};

const accessApplicationLifecycle = defineTransitions(
  ACCESS_APPLICATION_TRANSITIONS,
  (status, action) =>
    `Cannot ${ACTION_WORDS[action]} an access application that is ${status.replaceAll('_', ' ')}.`,
);

/** The status `action` leads to from `status`; throws `invalid_transition` when it is not allowed. */
export function nextAccessApplicationStatus(
  status: AccessApplicationStatus,
  action: AccessApplicationAction,
): AccessApplicationStatus {
  return accessApplicationLifecycle.next(status, action);
}

function requireReviewer(reviewerId: string): string {
  const id = reviewerId.trim();
  if (id === '')
    throw new DomainRuleViolation('reviewer_required', 'A review needs the reviewer.', 'reviewerId');
  return id;
}

/** The officer proved the address is theirs: the application now waits for review, due in 3 business days. */
export function verifyEmail(
  app: AccessApplicationState,
  now: Date,
  calendar: HolidayCalendar,
): EmailVerification {
  nextAccessApplicationStatus(app.status, 'verify_email');
  return {
    status: 'pending_review',
    emailVerifiedAt: new Date(now),
    reviewDueBy: reviewDueBy(now, calendar),
  };
}

export function approve(app: AccessApplicationState, now: Date, reviewerId: string): Approval {
  nextAccessApplicationStatus(app.status, 'approve');
  return { status: 'approved', decidedAt: new Date(now), decidedBy: requireReviewer(reviewerId) };
}

/** The reason is shown to the applicant and kept for audit, so it is required; lengths count code points. */
export function reject(
  app: AccessApplicationState,
  now: Date,
  reviewerId: string,
  reason: string,
): Rejection {
  nextAccessApplicationStatus(app.status, 'reject');
  if (app.approvalStartedAt) {
    throw new DomainRuleViolation(
      'invalid_transition',
      'An approval of this access application is under way; approve it again to complete it.',
      'status',
    );
  }
  const decidedBy = requireReviewer(reviewerId);
  const rejectionReason = rejectionReasonOf(reason);
  return { status: 'rejected', decidedAt: new Date(now), decidedBy, rejectionReason };
}
