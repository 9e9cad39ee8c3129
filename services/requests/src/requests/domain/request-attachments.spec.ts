import { violationOf } from '@lers/domain';
import {
  checkDocumentMayBeAttached,
  checkMessageMayBePosted,
  MAX_DOCUMENTS,
  MAX_MESSAGES,
} from './request-attachments';
import { REQUEST_STATUSES, type RequestStatus } from './request-lifecycle';

// Written out by hand, not derived from the rule's own lists.
const OPEN_FOR_DOCUMENTS: readonly RequestStatus[] = ['draft', 'submitted', 'in_review', 'info_requested'];
const CLOSED_THREAD: readonly RequestStatus[] = ['draft', 'closed', 'withdrawn'];

describe('documents follow a request until it is decided', () => {
  it('holds at most 20 documents', () => {
    expect(MAX_DOCUMENTS).toBe(20);
  });

  it.each(REQUEST_STATUSES.map((status) => [status, OPEN_FOR_DOCUMENTS.includes(status)] as const))(
    'a request that is %s takes documents: %s',
    (status, open) => {
      if (open) {
        expect(checkDocumentMayBeAttached(status, 0)).toBeUndefined();
        expect(checkDocumentMayBeAttached(status, 19)).toBeUndefined();
      } else {
        // The state is checked first: a decided request refuses even its first document.
        const violation = violationOf(() => checkDocumentMayBeAttached(status, 0));
        expect(violation.code).toBe('invalid_transition');
        expect(violation.field).toBe('status');
        expect(violation.message).toBe(`Documents cannot be added to a request that is ${status}.`);
        expect(violationOf(() => checkDocumentMayBeAttached(status, 20)).code).toBe('invalid_transition');
      }
    },
  );

  it.each(OPEN_FOR_DOCUMENTS.flatMap((status) => [20, 21, 1000].map((count) => [status, count] as const)))(
    'a request that is %s refuses a document beyond the %sth',
    (status, documentsSoFar) => {
      const violation = violationOf(() => checkDocumentMayBeAttached(status, documentsSoFar));
      expect(violation.code).toBe('too_many_documents');
      expect(violation.field).toBe('documents');
      expect(violation.message).toBe('A request may carry at most 20 documents.');
    },
  );
});

describe('the thread runs from submission to the end of the case', () => {
  it('holds at most 500 messages', () => {
    expect(MAX_MESSAGES).toBe(500);
  });

  it.each(REQUEST_STATUSES.map((status) => [status, !CLOSED_THREAD.includes(status)] as const))(
    'a request that is %s takes messages: %s',
    (status, open) => {
      if (open) {
        expect(checkMessageMayBePosted(status, 0)).toBeUndefined();
        expect(checkMessageMayBePosted(status, 499)).toBeUndefined();
      } else {
        const violation = violationOf(() => checkMessageMayBePosted(status, 0));
        expect(violation.code).toBe('invalid_transition');
        expect(violation.field).toBe('status');
        expect(violationOf(() => checkMessageMayBePosted(status, 500)).code).toBe('invalid_transition');
      }
    },
  );

  it.each([
    ['draft', 'Submit the request before writing to the exchange’s staff.'],
    ['closed', 'The thread of a request that is closed is closed.'],
    ['withdrawn', 'The thread of a request that is withdrawn is closed.'],
  ] as const)('tells why the thread of a request that is %s is not open', (status, message) => {
    expect(violationOf(() => checkMessageMayBePosted(status, 0)).message).toBe(message);
  });

  it.each([500, 501])('refuses a message when %s are already there', (messagesSoFar) => {
    const violation = violationOf(() => checkMessageMayBePosted('in_review', messagesSoFar));
    expect(violation.code).toBe('too_many_messages');
    expect(violation.field).toBe('body');
    expect(violation.message).toBe(
      "A request's thread holds at most 500 messages; contact the exchange another way.",
    );
  });
});
