export const STAFF_ROLES = ['reviewer', 'legal', 'admin', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const TOKEN_ISSUER = 'lers-access';
export const TOKEN_ALGORITHM = 'ES256';
export const AUDIENCE = { officer: 'lers-officer', staff: 'lers-staff' } as const;

/** What an access token says about its bearer (claims `sub`, `sid`, `kind`, `roles`, `agencyId`). */
export interface Principal {
  accountId: string;
  sessionId: string;
  kind: 'officer' | 'staff';
  roles: StaffRole[];
  agencyId?: string;
}

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  kind: 'officer' | 'staff';
  roles: StaffRole[];
  agencyId?: string;
  /** Expiry, seconds since the epoch (verified before the session is checked). */
  exp?: number;
}

/** What the verified token says about the session being checked: whose it is, and until when. */
export interface SessionTokenFacts {
  accountId: string;
  expiresAt?: Date;
}

/** Asks the owner of sessions whether one is still live (not logged out, revoked, idle or suspended). */
export interface SessionLiveness {
  isLive(sessionId: string, token?: SessionTokenFacts): Promise<boolean>;
}

export const SESSION_LIVENESS = Symbol('SESSION_LIVENESS');
