import { violationOf } from '@lers/domain';
import {
  confirmBySupervisor,
  requireSupervisorConfirmation,
  type SupervisorConfirmation,
} from './emergency-confirmation';
import { REQUEST_VERBS, type RequestStatus } from './request-lifecycle';

// Written out by hand: the staff verbs that act on the substance of the request.
const GATED_VERBS = ['start_review', 'request_info', 'approve', 'reject'];
const UNCONFIRMED =
  'The officer’s supervisor has not yet confirmed this emergency request; staff cannot act on it before then.';

describe('staff wait for the supervisor of an emergency', () => {
  const states: (SupervisorConfirmation | undefined)[] = [undefined, 'not_requested', 'pending', 'confirmed'];
  const cases = states.flatMap((state) =>
    REQUEST_VERBS.map((verb) => [state, verb, state === 'pending' && GATED_VERBS.includes(verb)] as const),
  );

  it.each(cases)('confirmation %s, verb %s: refused %s', (state, verb, refused) => {
    const request = Object.freeze({ supervisorConfirmation: state });
    if (refused) {
      const violation = violationOf(() => requireSupervisorConfirmation(request, verb));
      expect(violation.code).toBe('emergency_unconfirmed');
      expect(violation.field).toBe('supervisorConfirmation');
      expect(violation.message).toBe(UNCONFIRMED);
    } else {
      expect(requireSupervisorConfirmation(request, verb)).toBeUndefined();
    }
  });
});

describe('the supervisor confirms an emergency', () => {
  const pending = (status: RequestStatus = 'submitted') =>
    Object.freeze({ status, supervisorConfirmation: 'pending' as const, caseNumber: 'LERS-2026-000042' });

  it('confirms a pending request, keeping every other field, and leaves the input as it was', () => {
    const before = pending();
    const after = confirmBySupervisor(before);
    expect(after).toEqual({
      status: 'submitted',
      supervisorConfirmation: 'confirmed',
      caseNumber: 'LERS-2026-000042',
    });
    expect(before.supervisorConfirmation).toBe('pending');
  });

  it('changes nothing when confirmed twice, even after a withdrawal', () => {
    for (const status of ['submitted', 'in_review', 'withdrawn'] as const) {
      const confirmed = Object.freeze({ status, supervisorConfirmation: 'confirmed' as const });
      expect(confirmBySupervisor(confirmed)).toBe(confirmed);
    }
  });

  it.each([
    ['a withdrawn pending emergency', { status: 'withdrawn', supervisorConfirmation: 'pending' }],
    ['an ordinary request', { status: 'submitted', supervisorConfirmation: 'not_requested' }],
    ['a request from before confirmations existed', { status: 'submitted' }],
  ] as const)('refuses to confirm %s', (_, request) => {
    const violation = violationOf(() => confirmBySupervisor(Object.freeze(request)));
    expect(violation.code).toBe('invalid_transition');
    expect(violation.field).toBe('supervisorConfirmation');
    expect(violation.message).toBe('This request is not waiting for a supervisor’s confirmation.');
  });
});
