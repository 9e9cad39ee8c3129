export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

/**
 * Failures still inside the window that ends at `now`, oldest first; unreadable dates are dropped.
 * A failure stamped slightly after `now` (another instance's clock running ahead) still counts.
 */
function recentFailures(failures: readonly Date[], now: Date): Date[] {
  return failures
    .filter((failure) => now.getTime() - failure.getTime() < LOCKOUT_WINDOW_MS)
    .sort((a, b) => a.getTime() - b.getTime());
}

/**
 * When the account stops being locked, or null when it is not locked at `now`. Five failures within
 * fifteen minutes of each other lock it until fifteen minutes after the first of them.
 */
export function lockedUntil(failures: readonly Date[], now: Date): Date | null {
  const recent = recentFailures(failures, now).slice(-MAX_FAILED_LOGINS);
  if (recent.length < MAX_FAILED_LOGINS) return null;
  const until = new Date(recent[0].getTime() + LOCKOUT_WINDOW_MS);
  return until.getTime() > now.getTime() ? until : null;
}

/**
 * The failure list to store after a failed login at `now`: failures that left the window are
 * dropped and at most the last five are kept. A failure while the account is already locked is not
 * recorded, so hammering a locked account cannot push its unlock time further away.
 */
export function recordFailure(failures: readonly Date[], now: Date): Date[] {
  const recent = recentFailures(failures, now);
  if (lockedUntil(recent, now)) return recent.slice(-MAX_FAILED_LOGINS).map((failure) => new Date(failure));
  return [...recent, now].slice(-MAX_FAILED_LOGINS).map((failure) => new Date(failure));
}
