import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Why access ended a session (the session's `revokedReason`). */
export type SessionEndReason = 'logout' | 'refresh_token_reuse' | 'officer_suspended' | 'account_not_active';

/**
 * A session stopped being live: its access tokens must be refused from now on. Idle expiry emits
 * nothing (it is a matter of time, not of a write); readers that cache liveness bound the cache's
 * age instead.
 */
export class SessionEndedV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  sessionId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  accountId: string;

  // A plain string, not a closed list: a reader that does not know a new reason must still drop the session.
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reason: SessionEndReason | (string & {});
}
