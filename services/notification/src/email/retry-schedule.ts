export const MAX_EMAIL_ATTEMPTS = 8;

/** Exponential backoff: 2 s, 4 s, 8 s … capped at 10 minutes. */
export function nextAttemptAfterFailure(attempts: number, now: Date): Date {
  const delayMs = Math.min(2000 * 2 ** (attempts - 1), 10 * 60 * 1000);
  return new Date(now.getTime() + delayMs);
}
