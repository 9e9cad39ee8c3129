/** A session nobody used for 30 minutes is over (refresh or API use counts as use). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** Access tokens are short-lived; the session check makes logout and suspension immediate anyway. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Recording use on every request would be a write per call; once a minute is precise enough. */
export const TOUCH_EVERY_MS = 60 * 1000;

export function isIdle(lastUsedAt: Date, now: Date): boolean {
  return now.getTime() - lastUsedAt.getTime() >= SESSION_IDLE_MS;
}
