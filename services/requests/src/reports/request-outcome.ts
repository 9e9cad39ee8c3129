import type { RequestStatus } from '@lers/contracts';

/**
 * How a request ended, for the figures: still waiting for staff is `open`; a closed case counts
 * as what it was closed after (disclosed or rejected).
 */
export function requestOutcome(status: RequestStatus, history: { from: RequestStatus; to: RequestStatus }[]) {
  if (status === 'submitted' || status === 'in_review' || status === 'info_requested') return 'open';
  if (status === 'closed') return history.findLast((move) => move.to === 'closed')?.from ?? 'closed';
  return status;
}
