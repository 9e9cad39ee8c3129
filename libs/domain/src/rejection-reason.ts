import { DomainRuleViolation } from './domain-rule-violation';

/** Long enough for a reasoned refusal, short enough to show and audit; counted in code points. */
export const MAX_REJECTION_REASON_LENGTH = 2000;

/**
 * A rejection is shown to the one refused and kept for audit, so it needs a reason: returns it
 * trimmed, or throws `rejection_reason_required` / `rejection_reason_too_long` on `reason`.
 */
export function rejectionReasonOf(reason: string): string {
  const rejectionReason = reason.trim();
  if (rejectionReason === '') {
    throw new DomainRuleViolation('rejection_reason_required', 'A rejection needs a reason.', 'reason');
  }
  if ([...rejectionReason].length > MAX_REJECTION_REASON_LENGTH) {
    throw new DomainRuleViolation(
      'rejection_reason_too_long',
      `A rejection reason must be at most ${MAX_REJECTION_REASON_LENGTH} characters.`,
      'reason',
    );
  }
  return rejectionReason;
}
