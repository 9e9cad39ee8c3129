export interface LeasePeriod {
  start: Date;
  /** Exclusive: the lease for this period lapses at the start of the next one. */
  end: Date;
}

/**
 * The period `now` falls in, aligned on multiples of `everyMs` since the epoch, so every replica
 * agrees on the periods whatever its start time. A lease is taken until the end of the period,
 * not for `everyMs` from the moment it was taken: one pass per period, even when a replica's
 * timer fires a little early or late.
 */
export function leasePeriod(now: Date, everyMs: number): LeasePeriod {
  if (!Number.isInteger(everyMs) || everyMs < 1) throw new RangeError(`everyMs must be a positive integer`);
  const start = Math.floor(now.getTime() / everyMs) * everyMs;
  return { start: new Date(start), end: new Date(start + everyMs) };
}
