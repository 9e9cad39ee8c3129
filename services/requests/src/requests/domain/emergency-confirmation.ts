import { DomainRuleViolation } from '@lers/domain';
import type { RequestStatus, RequestVerb } from './request-lifecycle';

/**
 * An emergency skips the paperwork, so a stolen police account could fake one. The supervisor the
 * officer named when applying for access must vouch for it (through a link e-mailed to them)
 * before the exchange's staff act on it; until then the request waits in `submitted`.
 */
export type SupervisorConfirmation = 'not_requested' | 'pending' | 'confirmed';

/** Staff moves that act on the request's substance; withdrawing or answering needs no confirmation. */
const NEEDS_CONFIRMATION: readonly RequestVerb[] = ['start_review', 'request_info', 'approve', 'reject'];

export function requireSupervisorConfirmation(
  request: { readonly supervisorConfirmation?: SupervisorConfirmation },
  verb: RequestVerb,
): void {
  if (request.supervisorConfirmation === 'pending' && NEEDS_CONFIRMATION.includes(verb)) {
    throw new DomainRuleViolation(
      'emergency_unconfirmed',
      'The officer’s supervisor has not yet confirmed this emergency request; staff cannot act on it before then.',
      'supervisorConfirmation',
    );
  }
}

/** The supervisor vouches for the emergency; confirming twice changes nothing. */
export function confirmBySupervisor<
  R extends { readonly status: RequestStatus; readonly supervisorConfirmation?: SupervisorConfirmation },
>(request: R): R {
  if (request.supervisorConfirmation === 'confirmed') return request;
  if (request.supervisorConfirmation !== 'pending' || request.status === 'withdrawn') {
    throw new DomainRuleViolation(
      'invalid_transition',
      'This request is not waiting for a supervisor’s confirmation.',
      'supervisorConfirmation',
    );
  }
  return { ...request, supervisorConfirmation: 'confirmed' };
}
