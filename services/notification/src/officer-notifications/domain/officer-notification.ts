import type { OfficerNotificationKind, RequestStatus } from '@lers/contracts';

const WORDS: Partial<Record<RequestStatus, string>> = {
  in_review: 'under review',
  info_requested: 'information requested',
  approved: 'approved',
  rejected: 'rejected',
  disclosed: 'records released',
  closed: 'closed',
};

/**
 * What an officer is told in the app about a move of their request, or null. Moves the officer made
 * themselves are not news to them: creating, submitting, withdrawing, and answering a question
 * (info_requested → in_review).
 */
export function officerNotificationFor(move: {
  from: RequestStatus | null;
  to: RequestStatus;
  caseNumber: string | null;
}): { kind: OfficerNotificationKind; message: string } | null {
  const words = WORDS[move.to];
  if (!words || (move.from === 'info_requested' && move.to === 'in_review')) return null;
  return {
    kind: move.to === 'info_requested' ? 'info_requested' : 'status_changed',
    message: `Request ${move.caseNumber ?? '(no case number)'}: ${words}`,
  };
}

/** The officer's reminder that a preservation order lapses unless extended (by a new request through LERS). */
export function preservationReminderFor(order: { daysLeft: number; preservedUntil: string }): string {
  const days = order.daysLeft === 1 ? '1 day' : `${order.daysLeft} days`;
  return `Preservation order ends in ${days} (${order.preservedUntil.slice(0, 10)}); extend it if the records are still needed`;
}
