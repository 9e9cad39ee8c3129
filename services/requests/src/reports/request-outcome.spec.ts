import { requestOutcome } from './request-outcome';

describe('requestOutcome', () => {
  it.each(['submitted', 'in_review', 'info_requested'] as const)('counts %s as open', (status) => {
    expect(requestOutcome(status, [])).toBe('open');
  });

  it.each(['approved', 'rejected', 'withdrawn', 'disclosed'] as const)('counts %s as itself', (status) => {
    expect(requestOutcome(status, [])).toBe(status);
  });

  it('counts a closed case as what it was closed after', () => {
    const history = [
      { from: 'in_review' as const, to: 'rejected' as const },
      { from: 'rejected' as const, to: 'closed' as const },
    ];
    expect(requestOutcome('closed', history)).toBe('rejected');
    expect(requestOutcome('closed', [{ from: 'disclosed', to: 'closed' }])).toBe('disclosed');
  });

  it('counts a closed case without its move as closed', () => {
    expect(requestOutcome('closed', [{ from: 'draft', to: 'submitted' }])).toBe('closed');
  });
});
