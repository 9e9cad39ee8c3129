import { isLocked, LOCKOUT_WINDOW_MS, lockedUntil, MAX_FAILED_LOGINS, windowsOverAt } from './login-lockout';

const start = new Date('2026-03-02T10:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('login lockout', () => {
  it('locks once five attempts are counted in the window', () => {
    expect(isLocked({ windowStart: start, attempts: MAX_FAILED_LOGINS - 1 }, at(1000))).toBe(false);
    expect(isLocked({ windowStart: start, attempts: MAX_FAILED_LOGINS }, at(1000))).toBe(true);
  });

  it('stays locked until fifteen minutes after the window opened, then lets attempts in again', () => {
    const window = { windowStart: start, attempts: MAX_FAILED_LOGINS };
    expect(isLocked(window, at(LOCKOUT_WINDOW_MS - 1))).toBe(true);
    expect(isLocked(window, at(LOCKOUT_WINDOW_MS))).toBe(false);
    expect(lockedUntil(start)).toEqual(at(LOCKOUT_WINDOW_MS));
  });

  it('treats a window opened exactly fifteen minutes ago as over', () => {
    expect(windowsOverAt(at(LOCKOUT_WINDOW_MS))).toEqual(start);
  });
});
