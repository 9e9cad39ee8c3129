import { LOCKOUT_WINDOW_MS, lockedUntil, MAX_FAILED_LOGINS, recordFailure } from './login-lockout';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const minutes = (n: number) => new Date(T0 + n * 60_000);
const iso = (dates: readonly Date[]) => dates.map((date) => date.toISOString());

/** Records a failure at each of the given minutes, in order, starting from no failures. */
function failAt(...at: number[]): Date[] {
  return at.reduce<Date[]>((failures, minute) => recordFailure(failures, minutes(minute)), []);
}

describe('login lockout', () => {
  it('allows five failures in fifteen minutes', () => {
    expect(MAX_FAILED_LOGINS).toBe(5);
    expect(LOCKOUT_WINDOW_MS).toBe(15 * 60 * 1000);
  });

  describe('lockedUntil', () => {
    it('is not locked with no failures or fewer than five', () => {
      expect(lockedUntil([], minutes(0))).toBeNull();
      expect(lockedUntil(failAt(0, 1, 2, 3), minutes(4))).toBeNull();
    });

    it('locks on the fifth failure within the window, until the first one plus fifteen minutes', () => {
      const failures = failAt(0, 1, 2, 3, 4);
      expect(lockedUntil(failures, minutes(4))).toEqual(minutes(15));
      expect(lockedUntil(failures, minutes(10))).toEqual(minutes(15));
    });

    it('locks only for the rest of the window when the fifth failure comes late', () => {
      expect(lockedUntil(failAt(0, 1, 2, 3, 14), minutes(14))).toEqual(minutes(15));
    });

    it('unlocks exactly when the window of the first failure ends', () => {
      const failures = failAt(0, 1, 2, 3, 4);
      expect(lockedUntil(failures, new Date(minutes(15).getTime() - 1))).toEqual(minutes(15));
      expect(lockedUntil(failures, minutes(15))).toBeNull();
    });

    it('does not lock when the five failures span more than the window', () => {
      const failures = [0, 4, 8, 12, 16].map(minutes);
      expect(lockedUntil(failures, minutes(16))).toBeNull();
    });

    it('reads failures in any order', () => {
      expect(lockedUntil([3, 0, 4, 1, 2].map(minutes), minutes(5))).toEqual(minutes(15));
    });

    it('ignores dates that are not dates', () => {
      const failures = [...[0, 1, 2, 3].map(minutes), new Date('garbage')];
      expect(lockedUntil(failures, minutes(5))).toBeNull();
    });

    it('counts a failure stamped slightly ahead of now by another instance', () => {
      const failures = [0, 1, 2, 3].map(minutes).concat(new Date(minutes(5).getTime() + 500));
      expect(lockedUntil(failures, minutes(5))).toEqual(minutes(15));
    });
  });

  describe('recordFailure', () => {
    it('appends the failure and keeps the list oldest first', () => {
      expect(iso(recordFailure([minutes(2), minutes(1)], minutes(3)))).toEqual(iso([1, 2, 3].map(minutes)));
    });

    it('drops failures that have left the window', () => {
      const failures = [minutes(0), minutes(5), minutes(14)];
      expect(iso(recordFailure(failures, minutes(15)))).toEqual(iso([5, 14, 15].map(minutes)));
      expect(iso(recordFailure(failures, minutes(40)))).toEqual(iso([minutes(40)]));
    });

    it('drops a failure exactly fifteen minutes old and keeps one a millisecond younger', () => {
      const failures = [minutes(0), new Date(T0 + 1)];
      expect(iso(recordFailure(failures, minutes(15)))).toEqual(iso([new Date(T0 + 1), minutes(15)]));
    });

    it('keeps at most five failures', () => {
      const longList = [0, 1, 2, 3, 4, 5, 6].map((second) => new Date(T0 + second * 1000));
      expect(recordFailure(longList, minutes(1))).toHaveLength(MAX_FAILED_LOGINS);
    });

    it('does not record failures while locked, so the unlock time stays put', () => {
      const locked = failAt(0, 1, 2, 3, 4);
      const afterMore = recordFailure(recordFailure(locked, minutes(6)), minutes(14));
      expect(iso(afterMore)).toEqual(iso(locked));
      expect(lockedUntil(afterMore, minutes(14))).toEqual(minutes(15));
    });

    it('rolls the window once the lock ends', () => {
      const failures = recordFailure(failAt(0, 1, 2, 3, 4), minutes(15));
      expect(iso(failures)).toEqual(iso([1, 2, 3, 4, 15].map(minutes)));
      expect(lockedUntil(failures, minutes(15))).toEqual(minutes(16));
      expect(lockedUntil(recordFailure(failures, minutes(40)), minutes(40))).toBeNull();
    });

    it('neither changes nor shares the dates it was given', () => {
      const first = minutes(1);
      const failures = [first];
      const recorded = recordFailure(failures, minutes(2));
      expect(failures).toEqual([minutes(1)]);
      expect(recorded[0]).toEqual(first);
      expect(recorded[0]).not.toBe(first);
      recorded[0].setTime(0);
      expect(first).toEqual(minutes(1));
    });
  });
});
