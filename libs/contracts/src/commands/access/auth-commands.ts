import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { COMMAND_TOPICS } from '../../topics';
import { defineCommand } from '../command-spec';

export class LinkToken {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

export class ActivateAccount extends LinkToken {
  /** Length and blocklist rules are the access service's (422 weak_password), not a 400. */
  @IsString()
  @MaxLength(1024)
  password: string;
}

export class ConfirmTotp extends LinkToken {
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits your authenticator shows' })
  code: string;
}

export class LoginCredentials {
  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @MaxLength(1024)
  password: string;

  @IsString()
  @MaxLength(16)
  totp: string;
}

export class RefreshSession {
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  refreshToken: string;
}

export class SessionRef {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  sessionId: string;
}

export interface EmailVerifiedResult {
  id: string;
  status: 'pending_review';
  reviewDueBy: string;
}

export interface TotpEnrolment {
  totpSecret: string;
  otpauthUrl: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface SessionStatus {
  live: boolean;
}

export interface OfficerProfile {
  officer: {
    id: string;
    fullName: string;
    email: string;
    title: string;
    badgeNumber: string;
    status: string;
  };
  agency: { id: string; name: string; country: string; kind: string };
}

export const verifyEmail = defineCommand<LinkToken, EmailVerifiedResult>(
  COMMAND_TOPICS.accessVerifyEmail,
  LinkToken,
);
export const activateAccount = defineCommand<ActivateAccount, TotpEnrolment>(
  COMMAND_TOPICS.accessActivate,
  ActivateAccount,
);
export const confirmTotp = defineCommand<ConfirmTotp, { status: 'active' }>(
  COMMAND_TOPICS.accessConfirmTotp,
  ConfirmTotp,
);
export const login = defineCommand<LoginCredentials, TokenPair>(COMMAND_TOPICS.accessLogin, LoginCredentials);
export const refreshSession = defineCommand<RefreshSession, TokenPair>(
  COMMAND_TOPICS.accessRefresh,
  RefreshSession,
);
export const logout = defineCommand<SessionRef, { loggedOut: true }>(COMMAND_TOPICS.accessLogout, SessionRef);
export const checkSession = defineCommand<SessionRef, SessionStatus>(
  COMMAND_TOPICS.accessCheckSession,
  SessionRef,
  { readOnly: true },
);
export const readMe = defineCommand<SessionRef, OfficerProfile>(COMMAND_TOPICS.accessMe, SessionRef, {
  readOnly: true,
});
