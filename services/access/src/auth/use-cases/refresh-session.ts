import { AuditTrail } from '@lers/audit';
import { Clock } from '@lers/clock';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem, type TokenPair } from '@lers/contracts';
import { ACCOUNT_MODEL, type AccountDocument } from '../../accounts/account.schema';
import { SessionStore } from '../../sessions/session-store';
import { TokenSigner } from '../token-signer';

@Injectable()
export class RefreshSessionUseCase {
  private readonly logger = new Logger(RefreshSessionUseCase.name);

  constructor(
    private readonly clock: Clock,
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly sessions: SessionStore,
    private readonly tokens: TokenSigner,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * `kind`: whose route this is; officers refresh on the gateway, staff on the internal route. A
   * rotation and a revocation for reuse are audited in the session's write; a refused token here.
   */
  async execute(refreshToken: string, kind: 'officer' | 'staff', now = this.clock.now()): Promise<TokenPair> {
    const rotation = await this.sessions.rotate(refreshToken, kind, now);
    if (rotation.outcome === 'reused') {
      this.logger.warn('refresh token reuse: session family revoked');
      throw new Problem(
        401,
        'refresh_token_reused',
        'This refresh token was already used; the session is revoked.',
      );
    }
    if (rotation.outcome === 'invalid') {
      // The session part names what was tried; the secret part is never recorded.
      const sessionId = refreshToken.split('.')[0].slice(0, 64) || 'none';
      await this.audit.record(
        'session.refresh',
        { type: 'session', id: sessionId },
        { outcome: 'failed', details: { kind } },
      );
      throw new Problem(401, 'invalid_token', 'The refresh token is not valid.');
    }
    const account = await this.accounts.findById(rotation.session.accountId).lean();
    if (!account || account.status !== 'active') {
      await this.sessions.revoke(rotation.session._id, 'account_not_active', now);
      throw new Problem(401, 'invalid_token', 'The refresh token is not valid.');
    }
    return this.tokens.pair(account, rotation.session._id, rotation.refreshToken);
  }
}
