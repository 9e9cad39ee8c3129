import { DomainRuleViolation } from '@lers/domain';
import { decisionReasonOf, MAX_DECISION_REASON_LENGTH } from './decision-reason';

describe('decisionReasonOf', () => {
  it('keeps the reason, trimmed', () => {
    expect(decisionReasonOf('  No account with this address.\n')).toBe('No account with this address.');
  });

  it('refuses a blank reason on the reason field', () => {
    expect(() => decisionReasonOf(' \t ')).toThrow(
      new DomainRuleViolation('decision_reason_required', 'A decision needs a reason.', 'reason'),
    );
    try {
      decisionReasonOf('');
    } catch (error) {
      expect((error as DomainRuleViolation).field).toBe('reason');
      expect((error as DomainRuleViolation).code).toBe('decision_reason_required');
    }
  });

  it('counts characters, not UTF-16 units, up to the limit', () => {
    expect(MAX_DECISION_REASON_LENGTH).toBe(2000);
    expect(decisionReasonOf('é'.repeat(2000))).toHaveLength(2000);
    expect(decisionReasonOf('😀'.repeat(2000))).toHaveLength(4000);
    let refused: DomainRuleViolation | undefined;
    try {
      decisionReasonOf('x'.repeat(2001));
    } catch (error) {
      refused = error as DomainRuleViolation;
    }
    expect(refused).toMatchObject({ code: 'decision_reason_too_long', field: 'reason' });
    expect(refused?.message).toBe('A reason must be at most 2000 characters.');
  });
});
