export const DAY_MS = 24 * 60 * 60 * 1000;

/** What was kept `retentionDays` and more before `now` may go: records older than the cutoff. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  if (!(retentionDays > 0)) throw new RangeError('a retention window must be positive');
  return new Date(now.getTime() - retentionDays * DAY_MS);
}
