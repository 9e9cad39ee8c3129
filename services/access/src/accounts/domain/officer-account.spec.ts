import {
  confirmTotp,
  MAX_SUSPENSION_REASON_LENGTH,
  nextOfficerAccountStatus,
  OFFICER_ACCOUNT_ACTIONS,
  OFFICER_ACCOUNT_STATUSES,
  OFFICER_ACCOUNT_TRANSITIONS,
  OfficerAccountAction,
  OfficerAccountStatus,
  reactivate,
  setPassword,
  suspend,
} from './officer-account';
import { violationOf } from '@lers/domain';

const now = new Date('2026-03-02T09:30:00Z');
const admin = { id: 'admin-1', isAdmin: true };

function perform(action: OfficerAccountAction, status: OfficerAccountStatus): { status: string } {
  switch (action) {
    case 'set_password':
      return setPassword({ status }, now);
    case 'confirm_totp':
      return confirmTotp({ status }, now);
    case 'suspend':
      return suspend({ status }, now, 'admin-1', 'Left the agency.');
    case 'reactivate':
      return reactivate({ status }, now, admin);
  }
}

describe('officer account state machine', () => {
  it('has exactly this transition table', () => {
    expect(OFFICER_ACCOUNT_TRANSITIONS).toEqual({
      pending_activation: { set_password: 'pending_totp' },
      pending_totp: { confirm_totp: 'active' },
      active: { suspend: 'suspended' },
      suspended: { reactivate: 'active' },
    });
  });

  // Every (status, action) pair: the expected outcome, or null when the move is illegal.
  const expected: Record<OfficerAccountStatus, Record<OfficerAccountAction, OfficerAccountStatus | null>> = {
    pending_activation: { set_password: 'pending_totp', confirm_totp: null, suspend: null, reactivate: null },
    pending_totp: { set_password: null, confirm_totp: 'active', suspend: null, reactivate: null },
    active: { set_password: null, confirm_totp: null, suspend: 'suspended', reactivate: null },
    suspended: { set_password: null, confirm_totp: null, suspend: null, reactivate: 'active' },
  };
  const pairs = OFFICER_ACCOUNT_STATUSES.flatMap((status) =>
    OFFICER_ACCOUNT_ACTIONS.map((action) => [status, action, expected[status][action]] as const),
  );

  it('covers all 16 pairs', () => {
    expect(pairs).toHaveLength(16);
  });

  it.each(pairs)('%s + %s → %s', (status, action, outcome) => {
    if (outcome) {
      expect(nextOfficerAccountStatus(status, action)).toBe(outcome);
      expect(perform(action, status).status).toBe(outcome);
    } else {
      for (const attempt of [() => nextOfficerAccountStatus(status, action), () => perform(action, status)]) {
        const violation = violationOf(attempt);
        expect(violation.code).toBe('invalid_transition');
        expect(violation.field).toBe('status');
        expect(violation.message).toContain(status.replaceAll('_', ' '));
      }
    }
  });

  it('refuses a status it does not know', () => {
    expect(
      violationOf(() => nextOfficerAccountStatus('deleted' as OfficerAccountStatus, 'suspend')).code,
    ).toBe('invalid_transition');
  });

  it('walks the whole lifecycle', () => {
    let status: OfficerAccountStatus = 'pending_activation';
    status = setPassword({ status }, now).status;
    status = confirmTotp({ status }, now).status;
    status = suspend({ status }, now, 'admin-1', 'Investigation into misuse.').status;
    status = reactivate({ status }, now, admin).status;
    expect(status).toBe('active');
    expect(suspend({ status }, now, 'admin-1', 'Again.').status).toBe('suspended');
  });

  describe('setPassword', () => {
    it('records when the password was set', () => {
      const changes = setPassword({ status: 'pending_activation' }, now);
      expect(changes).toEqual({ status: 'pending_totp', passwordSetAt: now });
      expect(changes.passwordSetAt).not.toBe(now);
    });
  });

  describe('confirmTotp', () => {
    it('activates the account', () => {
      expect(confirmTotp({ status: 'pending_totp' }, now)).toEqual({
        status: 'active',
        totpConfirmedAt: now,
        activatedAt: now,
      });
    });
  });

  describe('suspend', () => {
    it('records who suspended, when and why, with the reason trimmed', () => {
      expect(suspend({ status: 'active' }, now, ' admin-1 ', '  Left the agency. ')).toEqual({
        status: 'suspended',
        suspendedAt: now,
        suspendedBy: 'admin-1',
        suspensionReason: 'Left the agency.',
      });
    });

    it.each(['', '  ', '\n'])('needs a reason, refusing %p', (reason) => {
      expect(violationOf(() => suspend({ status: 'active' }, now, 'admin-1', reason))).toMatchObject({
        code: 'suspension_reason_required',
        field: 'reason',
      });
    });

    it('bounds the reason at 2000 characters', () => {
      expect(MAX_SUSPENSION_REASON_LENGTH).toBe(2000);
      expect(suspend({ status: 'active' }, now, 'a', 'x'.repeat(2000)).suspensionReason).toHaveLength(2000);
      expect(violationOf(() => suspend({ status: 'active' }, now, 'a', 'x'.repeat(2001)))).toMatchObject({
        code: 'suspension_reason_too_long',
        field: 'reason',
      });
    });

    it('needs the actor', () => {
      expect(violationOf(() => suspend({ status: 'active' }, now, ' ', 'Reason.'))).toMatchObject({
        code: 'actor_required',
        field: 'actor',
      });
    });

    it('reports an illegal move before a missing reason', () => {
      expect(violationOf(() => suspend({ status: 'suspended' }, now, 'a', '')).code).toBe(
        'invalid_transition',
      );
    });
  });

  describe('reactivate', () => {
    it('lets an administrator lift the suspension and clears its details', () => {
      expect(reactivate({ status: 'suspended' }, now, admin)).toEqual({
        status: 'active',
        reactivatedAt: now,
        reactivatedBy: 'admin-1',
        suspendedAt: null,
        suspendedBy: null,
        suspensionReason: null,
      });
    });

    it('refuses anyone who is not an administrator', () => {
      expect(
        violationOf(() => reactivate({ status: 'suspended' }, now, { id: 'officer-9', isAdmin: false })),
      ).toMatchObject({
        code: 'admin_required',
        field: 'actor',
      });
    });

    it('needs the actor', () => {
      expect(
        violationOf(() => reactivate({ status: 'suspended' }, now, { id: '', isAdmin: true })).code,
      ).toBe('actor_required');
    });

    it('reports an illegal move before checking the actor', () => {
      const nobody = { id: 'officer-9', isAdmin: false };
      expect(violationOf(() => reactivate({ status: 'active' }, now, nobody)).code).toBe(
        'invalid_transition',
      );
    });
  });
});
