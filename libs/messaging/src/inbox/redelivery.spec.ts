import {
  backoffMs,
  POISON_ATTEMPTS,
  POISON_BACKOFF,
  retryWhileLeasedMs,
  TRANSIENT_BACKOFF,
} from './redelivery';

describe('backoffMs', () => {
  it('doubles from the base after each failure in a row', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, TRANSIENT_BACKOFF))).toEqual([100, 200, 400, 800]);
  });

  it('is capped however long the dependency stays away', () => {
    expect(backoffMs(7, TRANSIENT_BACKOFF)).toBe(5_000);
    expect(backoffMs(10_000, TRANSIENT_BACKOFF)).toBe(5_000);
  });

  it('treats a count below one as the first failure', () => {
    expect(backoffMs(0, TRANSIENT_BACKOFF)).toBe(100);
  });

  it('gives a poison message a few seconds in all before it is dead-lettered', () => {
    const waits = Array.from({ length: POISON_ATTEMPTS - 1 }, (_, i) => backoffMs(i + 1, POISON_BACKOFF));
    const total = waits.reduce((sum, wait) => sum + wait, 0);
    expect(total).toBeGreaterThanOrEqual(2_000);
    expect(total).toBeLessThanOrEqual(10_000);
  });
});

describe('retryWhileLeasedMs', () => {
  it('looks again when the lease ends, if that is soon', () => {
    expect(retryWhileLeasedMs(300)).toBe(300);
  });

  it('looks again within a second when the lease is long (the holder usually finishes first)', () => {
    expect(retryWhileLeasedMs(29_000)).toBe(1_000);
  });

  it('never spins on an ending lease', () => {
    expect(retryWhileLeasedMs(0)).toBe(50);
    expect(retryWhileLeasedMs(-20)).toBe(50);
  });
});
