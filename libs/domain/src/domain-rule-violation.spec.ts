import { DomainRuleViolation } from './domain-rule-violation';

describe('DomainRuleViolation', () => {
  it('carries a stable code, a message and the offending field', () => {
    const violation = new DomainRuleViolation('invalid_email', 'Not an e-mail address.', 'officer.email');
    expect(violation).toBeInstanceOf(Error);
    expect(violation).toBeInstanceOf(DomainRuleViolation);
    expect(violation.name).toBe('DomainRuleViolation');
    expect(violation.code).toBe('invalid_email');
    expect(violation.message).toBe('Not an e-mail address.');
    expect(violation.field).toBe('officer.email');
  });

  it('leaves the field out when the rule is not about one input', () => {
    expect(new DomainRuleViolation('invalid_transition', 'No.').field).toBeUndefined();
  });
});
