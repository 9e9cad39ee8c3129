import { Problem } from '@lers/contracts';
import { DomainRuleViolation } from './domain-rule-violation';

// Conflicts with the stored state are 409; a refused input is 422.
const STATUS_BY_CODE: Record<string, number> = {
  invalid_transition: 409,
  emergency_unconfirmed: 409,
  extension_limit_reached: 409,
};

/** Runs a domain rule; a violation becomes the client-facing problem (409 for illegal moves, else 422). */
export function applyRule<T>(rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    if (!(error instanceof DomainRuleViolation)) throw error;
    const errors = error.field ? [{ field: error.field, message: error.message }] : undefined;
    throw new Problem(STATUS_BY_CODE[error.code] ?? 422, error.code, error.message, errors);
  }
}
