import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditActor } from './domain/audit-entry';

/** Who is acting in the request or command being handled, and from where. */
export interface AuditContext {
  actor: AuditActor;
  ip: string | null;
  userAgent: string | null;
}

const storage = new AsyncLocalStorage<AuditContext>();

export function runWithAuditContext<T>(context: AuditContext, work: () => T): T {
  return storage.run(context, work);
}

/** Outside any request or command (jobs, event consumers) the service itself acts. */
export function currentAuditContext(service: string): AuditContext {
  return storage.getStore() ?? { actor: systemActor(service), ip: null, userAgent: null };
}

export const systemActor = (service: string): AuditActor => ({
  kind: 'system',
  id: service,
  agencyId: null,
  roles: [],
});

interface ActorLike {
  kind: string;
  id?: string;
  agencyId?: string;
  roles?: readonly string[];
  ip?: string;
}

/** From a command's actor (the gateway forwards the caller's address, not its user agent). */
export function auditContextOfActor(actor: ActorLike, userAgent: string | null = null): AuditContext {
  const kind = (['officer', 'staff', 'system'] as const).find((known) => known === actor.kind) ?? 'anonymous';
  return {
    actor: { kind, id: actor.id ?? null, agencyId: actor.agencyId ?? null, roles: [...(actor.roles ?? [])] },
    ip: actor.ip ?? null,
    userAgent,
  };
}
