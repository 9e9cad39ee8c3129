import { Inject, Injectable } from '@nestjs/common';
import type { SessionLiveness, SessionTokenFacts } from '@lers/auth';
import { GatewayEnv } from '../gateway.config';
import { AccessSessionCheck } from './access-session-check';
import { SessionCache } from './domain/session-cache';

/**
 * Session liveness without a round trip per call: access's "live" is remembered for
 * SESSION_VIEW_TTL_MS, and access's session and suspension events (SessionEventStream) drop it
 * within a second of a logout, a revocation or a suspension. While the event stream is not
 * running, every call asks access.
 */
@Injectable()
export class SessionView implements SessionLiveness {
  readonly cache: SessionCache;

  constructor(
    @Inject(GatewayEnv) config: GatewayEnv,
    private readonly access: AccessSessionCheck,
  ) {
    // A tombstone must outlive any check in flight (a reply may take up to the reply timeout).
    const forgetAfterMs = Math.max(config.SESSION_VIEW_TTL_MS, config.KAFKA_REPLY_TIMEOUT_MS);
    this.cache = new SessionCache(config.SESSION_VIEW_TTL_MS, forgetAfterMs);
  }

  async isLive(sessionId: string, token?: SessionTokenFacts): Promise<boolean> {
    const cached = this.cache.answer(sessionId, Date.now());
    if (cached !== 'ask') return cached === 'live';
    const ticket = this.cache.startCheck(Date.now());
    const live = await this.access.isLive(sessionId);
    if (live && token) {
      this.cache.rememberLive(
        ticket,
        sessionId,
        { accountId: token.accountId, expiresAt: token.expiresAt?.getTime() },
        Date.now(),
      );
    }
    return live;
  }

  /** This gateway ended the session itself (logout): refuse it here at once, before the event. */
  ended(sessionId: string): void {
    this.cache.sessionEnded(sessionId, Date.now());
  }
}
