import { DomainRuleViolation } from '@lers/domain';

/** Runs `attempt`, which must throw a DomainRuleViolation, and returns it for assertions. */
export function violationOf(attempt: () => unknown): DomainRuleViolation {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainRuleViolation);
    return error as DomainRuleViolation;
  }
  throw new Error('expected a DomainRuleViolation');
}
