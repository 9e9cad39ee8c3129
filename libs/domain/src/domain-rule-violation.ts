/**
 * A business rule refused an input or a state change. `code` is stable snake_case for clients and
 * translations; `message` is for people; `field` names the offending input when there is one.
 */
export class DomainRuleViolation extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainRuleViolation';
  }
}
