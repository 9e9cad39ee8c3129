export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

/**
 * Sign-in attempts are counted per e-mail in a window that opens at the first attempt and lasts
 * fifteen minutes. Each attempt is counted before its password is checked, so five attempts in a
 * window — however many arrive at once — are all that get a password evaluated; the rest are
 * refused (423) until the window ends. A successful login clears the count.
 */

/** Windows that opened at or before this instant are over at `now`. */
export const windowsOverAt = (now: Date) => new Date(now.getTime() - LOCKOUT_WINDOW_MS);

/** When a window that opened at `windowStart` ends, and the e-mail may be tried again. */
export const lockedUntil = (windowStart: Date) => new Date(windowStart.getTime() + LOCKOUT_WINDOW_MS);

/** Whether a window (opened at `windowStart`, `attempts` counted) still refuses attempts at `now`. */
export function isLocked(window: { windowStart: Date; attempts: number }, now: Date): boolean {
  return window.windowStart > windowsOverAt(now) && window.attempts >= MAX_FAILED_LOGINS;
}
