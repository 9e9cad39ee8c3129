import { nextAttemptAfterFailure } from './retry-schedule';

describe('nextAttemptAfterFailure', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it.each([
    [1, 2000],
    [2, 4000],
    [5, 32_000],
    [20, 600_000],
  ])('after %i attempts waits %i ms', (attempts, delay) => {
    expect(nextAttemptAfterFailure(attempts, now).getTime() - now.getTime()).toBe(delay);
  });
});
