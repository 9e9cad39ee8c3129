import { DomainRuleViolation } from './domain-rule-violation';

/**
 * For specs: runs `attempt`, which must break a rule, and returns the violation for assertions.
 * Anything else it throws is rethrown, and not throwing at all is an error too.
 */
export function violationOf(attempt: () => unknown): DomainRuleViolation {
  try {
    attempt();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error;
    throw error;
  }
  throw new Error('expected a DomainRuleViolation');
}
