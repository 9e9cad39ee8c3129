import { Problem } from '@lers/contracts';

declare const officerScope: unique symbol;
declare const staffScope: unique symbol;

/**
 * What an officer may reach: their own records, in their own agency. Made only by `officerScopeOf`,
 * and required by every officer-side repository method, so a query without it does not compile.
 */
export interface OfficerScope {
  readonly officerId: string;
  readonly agencyId: string;
  readonly [officerScope]: true;
}

/** A member of staff acting under one of the roles an operation admits. */
export interface StaffScope {
  readonly staffId: string;
  readonly roles: readonly string[];
  readonly [staffScope]: true;
}

interface ActorLike {
  kind: string;
  id?: string;
  agencyId?: string;
  roles: readonly string[];
}

export function officerScopeOf(actor: ActorLike): OfficerScope {
  if (actor.kind !== 'officer' || !actor.id || !actor.agencyId) {
    throw new Problem(403, 'forbidden', 'This is for officers of an approved agency.');
  }
  return { officerId: actor.id, agencyId: actor.agencyId } as unknown as OfficerScope;
}

export function staffScopeOf(actor: ActorLike, admitted: readonly string[]): StaffScope {
  if (actor.kind !== 'staff' || !actor.id) {
    throw new Problem(403, 'forbidden', 'This is for the exchange’s staff.');
  }
  if (!admitted.some((role) => actor.roles.includes(role))) {
    throw new Problem(403, 'forbidden', `This needs one of the roles: ${admitted.join(', ')}.`);
  }
  return { staffId: actor.id, roles: [...actor.roles] } as unknown as StaffScope;
}

/** The filter that confines a query to an officer's own records (field names as the collections use them). */
export const officerFilter = (scope: OfficerScope) => ({
  officerId: scope.officerId,
  agencyId: scope.agencyId,
});
