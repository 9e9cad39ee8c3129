import type { ProcessedEvent } from './processed-event.schema';

/**
 * How long a consumer may run a handler before another may take the event over. Handlers are a
 * write or two, each bounded by the driver's server selection (5 s) and write concern (10 s)
 * timeouts; a consumer that dies mid-handler delays its event by at most this.
 */
export const LEASE_MS = 30_000;

export type LeaseState = Pick<ProcessedEvent, 'status' | 'owner' | 'leaseUntil'>;

export type LeaseVerdict =
  { kind: 'claimable' } | { kind: 'done' } | { kind: 'held'; by: string; remainingMs: number };

/**
 * Whether `owner` may run the event's handler now: nobody has it, or its lease ran out, or it is
 * `owner`'s own; a live lease of another consumer means "not now"; done means never again.
 * `claimableBy` is the same rule as a query, for the atomic takeover.
 */
export function leaseVerdict(entry: LeaseState | null, owner: string, now: Date): LeaseVerdict {
  if (!entry) return { kind: 'claimable' };
  if (entry.status === 'done') return { kind: 'done' };
  if (!entry.owner || entry.owner === owner || !entry.leaseUntil) return { kind: 'claimable' };
  const remainingMs = entry.leaseUntil.getTime() - now.getTime();
  return remainingMs > 0 ? { kind: 'held', by: entry.owner, remainingMs } : { kind: 'claimable' };
}

/** The filter that matches an existing entry exactly when `leaseVerdict` says claimable. */
export function claimableBy(owner: string, now: Date) {
  return {
    status: { $ne: 'done' as const },
    $or: [{ owner: null }, { owner }, { leaseUntil: null }, { leaseUntil: { $lte: now } }],
  };
}
