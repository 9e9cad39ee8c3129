import { HolidayCalendar } from '@lers/calendar';
import {
  ACCESS_APPLICATION_ACTIONS,
  ACCESS_APPLICATION_STATUSES,
  ACCESS_APPLICATION_TRANSITIONS,
  AccessApplicationAction,
  AccessApplicationStatus,
  approve,
  MAX_REJECTION_REASON_LENGTH,
  nextAccessApplicationStatus,
  reject,
  verifyEmail,
} from './access-application';
import { violationOf } from '@lers/domain';

const newYork: HolidayCalendar = {
  country: 'US',
  timeZone: 'America/New_York',
  weekend: [6, 0],
  holidays: ['2026-02-16'],
};
// Thursday 12 February 2026, 10:00 in New York.
const now = new Date('2026-02-12T15:00:00Z');

function perform(action: AccessApplicationAction, status: AccessApplicationStatus): { status: string } {
  switch (action) {
    case 'verify_email':
      return verifyEmail({ status }, now, newYork);
    case 'approve':
      return approve({ status }, now, 'reviewer-1');
    case 'reject':
      return reject({ status }, now, 'reviewer-1', 'Not a law-enforcement agency.');
  }
}

describe('access application state machine', () => {
  it('has exactly this transition table', () => {
    expect(ACCESS_APPLICATION_TRANSITIONS).toEqual({
      pending_email_verification: { verify_email: 'pending_review' },
      pending_review: { approve: 'approved', reject: 'rejected' },
      approved: {},
      rejected: {},
    });
  });

  // Every (status, action) pair: the expected outcome, or null when the move is illegal.
  const expected: Record<
    AccessApplicationStatus,
    Record<AccessApplicationAction, AccessApplicationStatus | null>
  > = {
    pending_email_verification: { verify_email: 'pending_review', approve: null, reject: null },
    pending_review: { verify_email: null, approve: 'approved', reject: 'rejected' },
    approved: { verify_email: null, approve: null, reject: null },
    rejected: { verify_email: null, approve: null, reject: null },
  };
  const pairs = ACCESS_APPLICATION_STATUSES.flatMap((status) =>
    ACCESS_APPLICATION_ACTIONS.map((action) => [status, action, expected[status][action]] as const),
  );

  it('covers all 12 pairs', () => {
    expect(pairs).toHaveLength(12);
  });

  it.each(pairs)('%s + %s → %s', (status, action, outcome) => {
    if (outcome) {
      expect(nextAccessApplicationStatus(status, action)).toBe(outcome);
      expect(perform(action, status).status).toBe(outcome);
    } else {
      for (const attempt of [
        () => nextAccessApplicationStatus(status, action),
        () => perform(action, status),
      ]) {
        const violation = violationOf(attempt);
        expect(violation.code).toBe('invalid_transition');
        expect(violation.field).toBe('status');
        expect(violation.message).toContain(status.replaceAll('_', ' '));
      }
    }
  });

  it('refuses a status it does not know', () => {
    const violation = violationOf(() =>
      nextAccessApplicationStatus('archived' as AccessApplicationStatus, 'approve'),
    );
    expect(violation.code).toBe('invalid_transition');
  });

  describe('verifyEmail', () => {
    it('records the verification and a review deadline three business days later', () => {
      // Thursday 10:00 → Fri (1), Mon 16 is a holiday, Tue (2), Wed (3): Wednesday 18 February 10:00.
      expect(verifyEmail({ status: 'pending_email_verification' }, now, newYork)).toEqual({
        status: 'pending_review',
        emailVerifiedAt: now,
        reviewDueBy: new Date('2026-02-18T15:00:00Z'),
      });
    });

    it('does not share the Date it was given', () => {
      const changes = verifyEmail({ status: 'pending_email_verification' }, now, newYork);
      expect(changes.emailVerifiedAt).not.toBe(now);
    });
  });

  describe('approve', () => {
    it('records who approved and when', () => {
      const changes = approve({ status: 'pending_review' }, now, '  reviewer-7 ');
      expect(changes).toEqual({ status: 'approved', decidedAt: now, decidedBy: 'reviewer-7' });
      expect(changes.decidedAt).not.toBe(now);
    });

    it('needs a reviewer', () => {
      expect(violationOf(() => approve({ status: 'pending_review' }, now, ' '))).toMatchObject({
        code: 'reviewer_required',
        field: 'reviewerId',
      });
    });
  });

  describe('reject', () => {
    it('records who rejected, when and why, with the reason trimmed', () => {
      expect(reject({ status: 'pending_review' }, now, 'reviewer-7', '  Private e-mail domain. ')).toEqual({
        status: 'rejected',
        decidedAt: now,
        decidedBy: 'reviewer-7',
        rejectionReason: 'Private e-mail domain.',
      });
    });

    it.each(['', '   ', '\n\t'])('needs a reason, refusing %p', (reason) => {
      expect(
        violationOf(() => reject({ status: 'pending_review' }, now, 'reviewer-7', reason)),
      ).toMatchObject({
        code: 'rejection_reason_required',
        field: 'reason',
      });
    });

    it('accepts a reason of exactly 2000 characters, counting code points', () => {
      expect(MAX_REJECTION_REASON_LENGTH).toBe(2000);
      expect(reject({ status: 'pending_review' }, now, 'r', 'x'.repeat(2000)).rejectionReason).toHaveLength(
        2000,
      );
      expect(reject({ status: 'pending_review' }, now, 'r', '🚫'.repeat(2000)).rejectionReason).toHaveLength(
        4000,
      );
    });

    it('refuses a reason over 2000 characters', () => {
      expect(
        violationOf(() => reject({ status: 'pending_review' }, now, 'r', 'x'.repeat(2001))),
      ).toMatchObject({
        code: 'rejection_reason_too_long',
        field: 'reason',
      });
    });

    it('needs a reviewer', () => {
      expect(violationOf(() => reject({ status: 'pending_review' }, now, '', 'Reason.'))).toMatchObject({
        code: 'reviewer_required',
      });
    });

    it('refuses while an approval is under way (its account may already exist)', () => {
      const underWay = { status: 'pending_review', approvalStartedAt: now } as const;
      expect(violationOf(() => reject(underWay, now, 'r', 'Reason.')).code).toBe('invalid_transition');
    });

    it('reports an illegal move before a bad reason', () => {
      expect(violationOf(() => reject({ status: 'approved' }, now, 'r', '')).code).toBe('invalid_transition');
    });
  });
});
