import { DomainRuleViolation } from '@lers/domain';
import type { RequestStatus } from './request-lifecycle';

export const MAX_DOCUMENTS = 20;
export const MAX_MESSAGES = 500;

/** Papers may follow the request until it is decided (an emergency's order typically comes after it). */
const OPEN_FOR_DOCUMENTS: readonly RequestStatus[] = ['draft', 'submitted', 'in_review', 'info_requested'];

/** The thread exists between submission and the end of the case; a draft is seen by no one yet. */
const OPEN_FOR_MESSAGES: readonly RequestStatus[] = [
  'submitted',
  'in_review',
  'info_requested',
  'approved',
  'rejected',
  'disclosed',
];

export function checkDocumentMayBeAttached(status: RequestStatus, documentsSoFar: number): void {
  if (!OPEN_FOR_DOCUMENTS.includes(status)) {
    throw new DomainRuleViolation(
      'invalid_transition',
      `Documents cannot be added to a request that is ${status.replaceAll('_', ' ')}.`,
      'status',
    );
  }
  if (documentsSoFar >= MAX_DOCUMENTS) {
    throw new DomainRuleViolation(
      'too_many_documents',
      `A request may carry at most ${MAX_DOCUMENTS} documents.`,
      'documents',
    );
  }
}

export function checkMessageMayBePosted(status: RequestStatus, messagesSoFar: number): void {
  if (!OPEN_FOR_MESSAGES.includes(status)) {
    throw new DomainRuleViolation(
      'invalid_transition',
      status === 'draft'
        ? 'Submit the request before writing to the exchange’s staff.'
        : `The thread of a request that is ${status} is closed.`,
      'status',
    );
  }
  if (messagesSoFar >= MAX_MESSAGES) {
    throw new DomainRuleViolation(
      'too_many_messages',
      `A request's thread holds at most ${MAX_MESSAGES} messages; contact the exchange another way.`,
      'body',
    );
  }
}
