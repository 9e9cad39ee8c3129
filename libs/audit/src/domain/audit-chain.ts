import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, type AuditEntry, type AuditIntent } from './audit-entry';

/** The hashed part of an entry: everything but its own hash and the previous one (which is chained). */
export function hashedContent(entry: AuditIntent & { seq: number }) {
  const { id, seq, at, actor, action, outcome, entity } = entry;
  // Absent optional values are stored as null (or {}): what is stored is exactly what was hashed.
  return {
    id,
    seq,
    at,
    actor: {
      kind: actor.kind,
      id: actor.id ?? null,
      agencyId: actor.agencyId ?? null,
      roles: actor.roles ?? [],
    },
    action,
    outcome,
    entity: { type: entity.type, id: entity.id },
    ip: entry.ip ?? null,
    userAgent: entry.userAgent ?? null,
    correlationId: entry.correlationId ?? null,
    details: entry.details ?? {},
  };
}

export function entryHash(prevHash: string, entry: AuditIntent & { seq: number }): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson(hashedContent(entry)))
    .digest('hex');
}

/** The entry that follows `previous` (or opens the chain). */
export function chainEntry(intent: AuditIntent, previous: { seq: number; hash: string } | null): AuditEntry {
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const entry = { ...hashedContent({ ...intent, seq }), prevHash };
  return { ...entry, hash: entryHash(prevHash, entry) };
}

export type ChainVerdict =
  { valid: true; entries: number } | { valid: false; brokenAt: number; entries: number };

/**
 * Walks a chain in `seq` order, one entry at a time (so a long chain is never held in memory).
 * The first entry that is missing, reordered, edited or not linked to its predecessor is where
 * the chain breaks. `head` is what the service advanced after each append (it may lag the chain,
 * never lead it): a deleted last entry, or a chain rewritten with fresh hashes up to the head, is
 * found as well.
 */
export class ChainVerifier {
  private previous = { seq: 0, hash: GENESIS_HASH };
  private count = 0;
  private brokenAt: number | null = null;

  constructor(private readonly head: { seq: number; hash: string } | null = null) {}

  push(entry: AuditEntry): boolean {
    if (this.brokenAt !== null) return false;
    const expected = this.previous.seq + 1;
    if (entry.seq !== expected || entry.prevHash !== this.previous.hash) {
      this.brokenAt = expected;
    } else if (entryHash(entry.prevHash, entry) !== entry.hash) {
      this.brokenAt = entry.seq;
    } else if (this.head?.seq === entry.seq && this.head.hash !== entry.hash) {
      this.brokenAt = entry.seq;
    }
    if (this.brokenAt !== null) return false;
    this.previous = { seq: entry.seq, hash: entry.hash };
    this.count++;
    return true;
  }

  finish(): ChainVerdict {
    if (this.brokenAt === null && this.head && this.head.seq > this.previous.seq) {
      this.brokenAt = this.previous.seq + 1;
    }
    if (this.brokenAt !== null) return { valid: false, brokenAt: this.brokenAt, entries: this.count };
    return { valid: true, entries: this.count };
  }
}

export function verifyChain(entries: Iterable<AuditEntry>, head?: { seq: number; hash: string } | null) {
  const verifier = new ChainVerifier(head ?? null);
  for (const entry of entries) if (!verifier.push(entry)) break;
  return verifier.finish();
}
