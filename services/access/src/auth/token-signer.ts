import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AUDIENCE, TOKEN_ALGORITHM, TOKEN_ISSUER, type AccessTokenClaims } from '@lers/auth';
import type { TokenPair } from '@lers/contracts';
import { AccessEnv } from '../access.config';
import type { AccountDocument } from '../accounts/account.schema';
import { ACCESS_TOKEN_TTL_SECONDS } from '../sessions/session-rules';

/** Signs short-lived ES256 access tokens; only the access service holds the private key. */
@Injectable()
export class TokenSigner {
  private readonly jwt = new JwtService();

  constructor(@Inject(AccessEnv) private readonly config: AccessEnv) {}

  pair(account: AccountDocument, sessionId: string, refreshToken: string): TokenPair {
    const claims: AccessTokenClaims = {
      sub: account._id,
      sid: sessionId,
      kind: account.kind,
      roles: account.kind === 'staff' ? (account.roles as AccessTokenClaims['roles']) : [],
      ...(account.agency ? { agencyId: account.agency.id } : {}),
    };
    const accessToken = this.jwt.sign(claims, {
      privateKey: this.config.JWT_PRIVATE_KEY,
      algorithm: TOKEN_ALGORITHM,
      issuer: TOKEN_ISSUER,
      audience: AUDIENCE[account.kind],
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    });
    return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }
}
