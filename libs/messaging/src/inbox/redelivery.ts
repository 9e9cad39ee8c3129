/**
 * Thrown out of a message handler to have the message delivered again after `delayMs`, without
 * applying it now and without failing the consumer. The Kafka server leaves the message's offset
 * unresolved, pauses that one partition and resumes it after the delay; other partitions go on.
 */
export class RedeliverLater extends Error {
  override readonly name = 'RedeliverLater';

  constructor(
    reason: string,
    readonly delayMs: number,
  ) {
    super(reason);
  }
}

/** Tries a handler gets, for a failure that is not transient, before its message is dead-lettered. */
export const POISON_ATTEMPTS = 5;

export interface Backoff {
  baseMs: number;
  capMs: number;
}

/** Between tries of a message whose dependency is away: quick at first, then every few seconds. */
export const TRANSIENT_BACKOFF: Backoff = { baseMs: 100, capMs: 5_000 };

/** Between tries of a handler that failed for its own reasons: about 3 s from first try to the DLQ. */
export const POISON_BACKOFF: Backoff = { baseMs: 200, capMs: 5_000 };

/** Exponential backoff after the `failures`-th failure in a row (1-based), capped. */
export function backoffMs(failures: number, { baseMs, capMs }: Backoff): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  return Math.min(capMs, baseMs * 2 ** exponent);
}

/** How soon to look again at an event another consumer holds: when its lease ends, at most 1 s. */
export function retryWhileLeasedMs(leaseRemainingMs: number): number {
  return Math.min(1_000, Math.max(50, leaseRemainingMs));
}
