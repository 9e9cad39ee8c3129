import type { NoticeOutcome } from '@lers/contracts';
import { DomainRuleViolation } from '@lers/domain';
import type { StaffAlertKind } from '../../staff-alerts/domain/staff-alert';

export const NOTICE_STATUSES = ['pending', 'delivered', 'suppressed', 'failed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** Why a notice is in its status (the staff view shows it). */
export type NoticeReason =
  | 'sending' // pending: the e-mail is queued or being retried
  | 'no_matching_user' // pending: no exchange user matches the subject; staff decide
  | 'ambiguous_user' // pending: several users match; staff decide
  | 'non_disclosure_order' // suppressed while an upheld court order runs
  | 'waived' // suppressed by a staff decision
  | 'delivery_failed'; // failed: every retry failed

/** The court order as staff decided on it at approval. */
export interface NonDisclosurePolicy {
  ordered: boolean;
  until?: string;
  upheld: boolean;
}

export type UserMatch =
  { kind: 'none' } | { kind: 'ambiguous' } | { kind: 'one'; userId: string; email: string };

export interface Notice {
  readonly status: NoticeStatus;
  readonly reason: NoticeReason;
  readonly userId: string | null;
  readonly email: string | null;
  /** End of an upheld order still running; null when it has no end date (or none runs). */
  readonly orderUntil: Date | null;
  /** Open-ended order: when staff are next reminded to review it. */
  readonly reviewDueAt: Date | null;
  /** What the release gate was told; the first settlement stands. */
  readonly settled: NoticeOutcome | null;
}

/** What a change asks the service to do besides storing the notice. */
export interface NoticeEffects {
  settle?: NoticeOutcome;
  sendTo?: { userId: string; email: string };
  alert?: StaffAlertKind;
}

export interface NoticeChange {
  notice: Notice;
  effects: NoticeEffects;
}

export const ORDER_REVIEW_EVERY_MS = 90 * 24 * 60 * 60 * 1000;

/** An upheld order forbids the notice now: it has no end date, or its end is still ahead. */
export function orderRuns(policy: NonDisclosurePolicy, now: Date): boolean {
  if (!policy.upheld) return false;
  return policy.until === undefined || Date.parse(policy.until) > now.getTime();
}

/** The notice for one subject of an approved request. */
export function openNotice(policy: NonDisclosurePolicy, match: UserMatch, now: Date): NoticeChange {
  if (orderRuns(policy, now)) {
    const openEnded = policy.until === undefined;
    return {
      notice: {
        status: 'suppressed',
        reason: 'non_disclosure_order',
        userId: null,
        email: null,
        orderUntil: openEnded ? null : new Date(policy.until as string),
        reviewDueAt: openEnded ? new Date(now.getTime() + ORDER_REVIEW_EVERY_MS) : null,
        settled: 'suppressed',
      },
      effects: {
        settle: 'suppressed',
        ...(openEnded ? { alert: 'non_disclosure_open_ended' as const } : {}),
      },
    };
  }
  return toldOrReferred(match, null);
}

/** The order ended (its date passed, or staff lifted it): the user is told now. */
export function endOrder(notice: Notice, match: UserMatch, now: Date, by: 'lapse' | 'staff'): NoticeChange {
  if (notice.status !== 'suppressed' || notice.reason !== 'non_disclosure_order') {
    throw invalid(
      `Only a notice held by a non-disclosure order can be released, not one ${describe(notice)}.`,
    );
  }
  if (by === 'lapse' && (notice.orderUntil === null || notice.orderUntil.getTime() > now.getTime())) {
    throw invalid('The non-disclosure order has not lapsed.');
  }
  return toldOrReferred(match, notice.settled);
}

/** The e-mail went out. Anything but a notice being sent is left as it is (null). */
export function delivered(notice: Notice): NoticeChange | null {
  if (notice.status !== 'pending' || notice.reason !== 'sending') return null;
  return {
    notice: { ...notice, status: 'delivered', settled: notice.settled ?? 'delivered' },
    effects: notice.settled ? {} : { settle: 'delivered' },
  };
}

/** Every try failed: staff are told, and the gate stays closed until they decide. */
export function deliveryFailed(notice: Notice): NoticeChange | null {
  if (notice.status !== 'pending' || notice.reason !== 'sending') return null;
  return {
    notice: { ...notice, status: 'failed', reason: 'delivery_failed' },
    effects: { alert: 'notice_failed' },
  };
}

/** Staff release a subject without a notice: nobody to tell, or delivery failed for good. */
export function waive(notice: Notice): NoticeChange {
  const waivable = (notice.status === 'pending' && notice.reason !== 'sending') || notice.status === 'failed';
  if (!waivable)
    throw invalid(
      `Only a notice with no user to send to or whose delivery failed can be waived, not one ${describe(notice)}.`,
    );
  return {
    notice: { ...notice, status: 'suppressed', reason: 'waived', settled: notice.settled ?? 'waived' },
    effects: notice.settled ? {} : { settle: 'waived' },
  };
}

/** An open-ended order whose review is due: staff are reminded, and again 90 days later. */
export function remindOfOrder(notice: Notice, now: Date): NoticeChange | null {
  if (notice.status !== 'suppressed' || notice.reason !== 'non_disclosure_order') return null;
  if (notice.reviewDueAt === null || notice.reviewDueAt.getTime() > now.getTime()) return null;
  let next = notice.reviewDueAt.getTime() + ORDER_REVIEW_EVERY_MS;
  while (next <= now.getTime()) next += ORDER_REVIEW_EVERY_MS; // a long outage owes one reminder, not several
  return {
    notice: { ...notice, reviewDueAt: new Date(next) },
    effects: { alert: 'non_disclosure_open_ended' },
  };
}

function toldOrReferred(match: UserMatch, settled: NoticeOutcome | null): NoticeChange {
  const base = { orderUntil: null, reviewDueAt: null, settled };
  if (match.kind === 'one') {
    return {
      notice: { ...base, status: 'pending', reason: 'sending', userId: match.userId, email: match.email },
      effects: { sendTo: { userId: match.userId, email: match.email } },
    };
  }
  const none = match.kind === 'none';
  return {
    notice: {
      ...base,
      status: 'pending',
      reason: none ? 'no_matching_user' : 'ambiguous_user',
      userId: null,
      email: null,
    },
    effects: { alert: none ? 'notice_no_matching_user' : 'notice_ambiguous_user' },
  };
}

const describe = (notice: Notice) => `${notice.status} (${notice.reason.replaceAll('_', ' ')})`;
const invalid = (message: string) => new DomainRuleViolation('invalid_transition', message);
