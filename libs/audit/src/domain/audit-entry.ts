/** Who acted: a staff member, an officer, an anonymous caller, or the service itself (jobs, events). */
export interface AuditActor {
  kind: 'officer' | 'staff' | 'anonymous' | 'system';
  id: string | null;
  agencyId: string | null;
  roles: string[];
}

export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** A JSON value (what canonical JSON can carry): no dates, no undefined, no class instances. */
export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

/**
 * What happened, before it has a place in the chain. `id` makes appending idempotent: an intent
 * appended twice (a crash between append and clear) still yields one entry.
 */
export interface AuditIntent {
  id: string;
  at: string;
  actor: AuditActor;
  action: string;
  outcome: AuditOutcome;
  entity: { type: string; id: string };
  ip: string | null;
  userAgent: string | null;
  correlationId: string | null;
  /** Never secrets: no tokens, passwords, TOTP codes or hashes of them. */
  details: { [key: string]: AuditValue };
}

/** An intent with its place in the chain: `hash` = SHA-256(prevHash ‖ canonical JSON of the rest). */
export interface AuditEntry extends AuditIntent {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
