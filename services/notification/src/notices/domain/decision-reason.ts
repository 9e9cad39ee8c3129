import { DomainRuleViolation } from '@lers/domain';

export const MAX_DECISION_REASON_LENGTH = 2000;

/** A staff decision on a notice is kept for audit, so it needs a reason: returned trimmed. */
export function decisionReasonOf(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '')
    throw new DomainRuleViolation('decision_reason_required', 'A decision needs a reason.', 'reason');
  if ([...trimmed].length > MAX_DECISION_REASON_LENGTH) {
    throw new DomainRuleViolation(
      'decision_reason_too_long',
      `A reason must be at most ${MAX_DECISION_REASON_LENGTH} characters.`,
      'reason',
    );
  }
  return trimmed;
}
