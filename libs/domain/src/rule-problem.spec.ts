import { Problem } from '@lers/contracts';
import { DomainRuleViolation } from './domain-rule-violation';
import { applyRule } from './rule-problem';

function problemOf(attempt: () => unknown): Problem {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(Problem);
    return error as Problem;
  }
  throw new Error('expected a Problem');
}

describe('applyRule', () => {
  it('returns what the rule returns', () => {
    expect(applyRule(() => 42)).toBe(42);
  });

  it('turns an illegal move into 409 invalid_transition naming the field', () => {
    const problem = problemOf(() =>
      applyRule(() => {
        throw new DomainRuleViolation('invalid_transition', 'Cannot approve a rejected thing.', 'status');
      }),
    );
    expect(problem.status).toBe(409);
    expect(problem.code).toBe('invalid_transition');
    expect(problem.detail).toBe('Cannot approve a rejected thing.');
    expect(problem.errors).toEqual([{ field: 'status', message: 'Cannot approve a rejected thing.' }]);
  });

  it('turns any other rule into 422 with its own code, without errors when no field is named', () => {
    const problem = problemOf(() =>
      applyRule(() => {
        throw new DomainRuleViolation('official_document_required', 'Attach the order.');
      }),
    );
    expect(problem.status).toBe(422);
    expect(problem.code).toBe('official_document_required');
    expect(problem.detail).toBe('Attach the order.');
    expect(problem.errors).toBeUndefined();
  });

  it('lets other errors through untouched', () => {
    const failure = new TypeError('disk on fire');
    expect(() =>
      applyRule(() => {
        throw failure;
      }),
    ).toThrow(failure);
  });
});
