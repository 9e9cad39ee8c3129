/** A session nobody used for 30 minutes is over (refresh or API use counts as use). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** Access tokens are short-lived; the session check makes logout and suspension immediate anyway. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Recording use on every request would be a write per call; once a minute is precise enough. */
export const TOUCH_EVERY_MS = 60 * 1000;

export function isIdle(lastUsedAt: Date, now: Date): boolean {
  return now.getTime() - lastUsedAt.getTime() >= SESSION_IDLE_MS;
}

/** A session also ends `absoluteLifetimeMs` after its login, however busy (a stolen one cannot live on). */
export function isPastLifetime(createdAt: Date, now: Date, absoluteLifetimeMs: number): boolean {
  return now.getTime() - createdAt.getTime() >= absoluteLifetimeMs;
}

/**
 * Old refresh-token hashes a session remembers, to catch a stolen token replayed after rotation.
 * A thief replays soon after the theft; the last 20 rotations (10 hours of 30-minute refreshes at
 * the least) bound the document while keeping every recent token recognisable.
 */
export const MAX_USED_REFRESH_HASHES = 20;

/** The remembered hashes after a rotation retires `retired`: the newest, at most the maximum. */
export function rememberRetired(used: readonly string[], retired: string): string[] {
  return [...used, retired].slice(-MAX_USED_REFRESH_HASHES);
}

/**
 * When a session ended: at revocation, or 30 idle minutes after its last use. Ended sessions are
 * kept `retentionDays` (login history for investigations), then pruned.
 */
export function endedSessionCutoffs(cutoff: Date): { revokedBefore: Date; lastUsedBefore: Date } {
  return { revokedBefore: cutoff, lastUsedBefore: new Date(cutoff.getTime() - SESSION_IDLE_MS) };
}
