import { defineTransitions, DomainRuleViolation, type TransitionTable } from '@lers/domain';

/** One lifecycle for officers and staff alike: both need a password and a confirmed TOTP before signing in. */
export const OFFICER_ACCOUNT_STATUSES = [
  'pending_activation',
  'pending_totp',
  'active',
  'suspended',
] as const;
export type OfficerAccountStatus = (typeof OFFICER_ACCOUNT_STATUSES)[number];

export const OFFICER_ACCOUNT_ACTIONS = ['set_password', 'confirm_totp', 'suspend', 'reactivate'] as const;
export type OfficerAccountAction = (typeof OFFICER_ACCOUNT_ACTIONS)[number];

/** Where each action leads from each status; an action missing from a status is not allowed there. */
export const OFFICER_ACCOUNT_TRANSITIONS: TransitionTable<OfficerAccountStatus, OfficerAccountAction> = {
  pending_activation: { set_password: 'pending_totp' },
  pending_totp: { confirm_totp: 'active' },
  active: { suspend: 'suspended' },
  suspended: { reactivate: 'active' },
};

export const MAX_SUSPENSION_REASON_LENGTH = 2000;

/**
 * An officer's account id follows from the application that created it, so approving the same
 * application twice (a retry, a crash, two reviewers at once) can only ever create one account.
 */
export const officerAccountIdOf = (applicationId: string) => `officer-${applicationId}`;

export interface OfficerAccountState {
  readonly status: OfficerAccountStatus;
}

/** Who performs an administrative action; the caller establishes `isAdmin` from the actor's roles. */
export interface AccountActor {
  readonly id: string;
  readonly isAdmin: boolean;
}

export interface PasswordSet {
  status: 'pending_totp';
  passwordSetAt: Date;
}

export interface TotpConfirmed {
  status: 'active';
  totpConfirmedAt: Date;
  activatedAt: Date;
}

export interface Suspension {
  status: 'suspended';
  suspendedAt: Date;
  suspendedBy: string;
  suspensionReason: string;
}

export interface Reactivation {
  status: 'active';
  reactivatedAt: Date;
  reactivatedBy: string;
  suspendedAt: null;
  suspendedBy: null;
  suspensionReason: null;
}

const ACTION_WORDS: Record<OfficerAccountAction, string> = {
  set_password: 'set the password of',
  confirm_totp: 'confirm the authenticator of',
  suspend: 'suspend',
  reactivate: 'reactivate',
};

const officerAccountLifecycle = defineTransitions(
  OFFICER_ACCOUNT_TRANSITIONS,
  (status, action) => `Cannot ${ACTION_WORDS[action]} an account that is ${status.replaceAll('_', ' ')}.`,
);

/** The status `action` leads to from `status`; throws `invalid_transition` when it is not allowed. */
export function nextOfficerAccountStatus(
  status: OfficerAccountStatus,
  action: OfficerAccountAction,
): OfficerAccountStatus {
  return officerAccountLifecycle.next(status, action);
}

function requireActorId(actorId: string): string {
  const id = actorId.trim();
  if (id === '')
    throw new DomainRuleViolation('actor_required', 'The action needs the person performing it.', 'actor');
  return id;
}

/** The first password was chosen (the caller checks it against the password policy first). */
export function setPassword(account: OfficerAccountState, now: Date): PasswordSet {
  nextOfficerAccountStatus(account.status, 'set_password');
  return { status: 'pending_totp', passwordSetAt: new Date(now) };
}

/** The authenticator app proved it holds the TOTP secret: the account can now sign in. */
export function confirmTotp(account: OfficerAccountState, now: Date): TotpConfirmed {
  nextOfficerAccountStatus(account.status, 'confirm_totp');
  return { status: 'active', totpConfirmedAt: new Date(now), activatedAt: new Date(now) };
}

/** The reason is kept for audit and shown to whoever reactivates, so it is required; lengths count code points. */
export function suspend(
  account: OfficerAccountState,
  now: Date,
  actorId: string,
  reason: string,
): Suspension {
  nextOfficerAccountStatus(account.status, 'suspend');
  const suspendedBy = requireActorId(actorId);
  const suspensionReason = reason.trim();
  if (suspensionReason === '') {
    throw new DomainRuleViolation('suspension_reason_required', 'A suspension needs a reason.', 'reason');
  }
  if ([...suspensionReason].length > MAX_SUSPENSION_REASON_LENGTH) {
    throw new DomainRuleViolation(
      'suspension_reason_too_long',
      `A suspension reason must be at most ${MAX_SUSPENSION_REASON_LENGTH} characters.`,
      'reason',
    );
  }
  return { status: 'suspended', suspendedAt: new Date(now), suspendedBy, suspensionReason };
}

/** Only an administrator lifts a suspension; the suspension details are cleared (the audit log keeps them). */
export function reactivate(account: OfficerAccountState, now: Date, actor: AccountActor): Reactivation {
  nextOfficerAccountStatus(account.status, 'reactivate');
  const reactivatedBy = requireActorId(actor.id);
  if (!actor.isAdmin) {
    throw new DomainRuleViolation(
      'admin_required',
      'Only an administrator can reactivate an account.',
      'actor',
    );
  }
  return {
    status: 'active',
    reactivatedAt: new Date(now),
    reactivatedBy,
    suspendedAt: null,
    suspendedBy: null,
    suspensionReason: null,
  };
}
