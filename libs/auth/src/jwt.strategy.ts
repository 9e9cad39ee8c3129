import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Problem } from '@lers/contracts';
import {
  AUDIENCE,
  SESSION_LIVENESS,
  STAFF_ROLES,
  TOKEN_ALGORITHM,
  TOKEN_ISSUER,
  type AccessTokenClaims,
  type Principal,
  type SessionLiveness,
} from './principal';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';

/**
 * Bearer tokens: ES256 only (the algorithm is pinned, so `alg: none` or an HMAC forged with the
 * public key is refused), our issuer, one of our audiences, not expired — and a session that is
 * still live, so logout and suspension take effect at once.
 *
 * Passport keeps strategies in one registry per process, by name: each application registers its
 * own under a name of its own (AuthModule), so applications sharing a process (tests, benches)
 * never check each other's tokens with the wrong session source.
 */
export function jwtStrategyNamed(name: string) {
  @Injectable()
  class JwtStrategy extends PassportStrategy(Strategy, name) {
    constructor(
      @Inject(AUTH_OPTIONS) options: AuthOptions,
      @Inject(SESSION_LIVENESS) private readonly sessions: SessionLiveness,
    ) {
      super({
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        secretOrKey: options.publicKey,
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: [AUDIENCE.officer, AUDIENCE.staff],
        ignoreExpiration: false,
      });
    }

    async validate(claims: AccessTokenClaims): Promise<Principal> {
      const kindMatches = claims.kind === 'officer' || claims.kind === 'staff';
      if (!kindMatches || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
        throw new Problem(401, 'invalid_token', 'The access token is not valid.');
      }
      const token = {
        accountId: claims.sub,
        expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : undefined,
      };
      if (!(await this.sessions.isLive(claims.sid, token))) {
        throw new Problem(401, 'session_ended', 'The session has ended; log in again.');
      }
      const roles = (claims.roles ?? []).filter((role) => (STAFF_ROLES as readonly string[]).includes(role));
      return {
        accountId: claims.sub,
        sessionId: claims.sid,
        kind: claims.kind,
        roles,
        agencyId: claims.agencyId,
      };
    }
  }
  return JwtStrategy;
}
