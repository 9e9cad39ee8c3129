import { Clock } from '@lers/clock';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem, type LoginCredentials, type TokenPair } from '@lers/contracts';
import { ACCOUNT_MODEL, type AccountDocument } from '../../accounts/account.schema';
import { passwordMatches, totpMatches } from '../../accounts/credentials';
import { lockedUntil, recordFailure } from '../../accounts/domain/login-lockout';
import { SessionStore } from '../../sessions/session-store';
import { TokenSigner } from '../token-signer';

const INVALID = () => new Problem(401, 'invalid_credentials', 'The e-mail, password or code is not correct.');

/**
 * Password + TOTP. The answer is the same whichever part was wrong and whether or not the account
 * exists; 5 failures in 15 minutes lock the account (423) for the rest of that window.
 */
@Injectable()
export class LogInUseCase {
  private readonly logger = new Logger(LogInUseCase.name);

  constructor(
    private readonly clock: Clock,
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly sessions: SessionStore,
    private readonly tokens: TokenSigner,
  ) {}

  async execute(
    credentials: LoginCredentials,
    kind: 'officer' | 'staff',
    now = this.clock.now(),
  ): Promise<TokenPair> {
    const account = await this.accounts.findOne({ email: credentials.email.toLowerCase(), kind }).lean();
    const until = account ? lockedUntil(account.failedLogins, now) : null;
    if (account && until) {
      this.logger.warn({ accountId: account._id }, 'login refused: account locked');
      throw new Problem(
        423,
        'account_locked',
        `Too many failed attempts; try again after ${until.toISOString()}.`,
      );
    }
    const passwordOk = await passwordMatches(account?.passwordHash ?? null, credentials.password);
    const ok =
      account !== null &&
      account.status === 'active' &&
      passwordOk &&
      totpMatches(account.totpSecret, credentials.totp);
    if (!ok) {
      if (account) await this.recordFailure(account, now);
      this.logger.warn({ accountId: account?._id ?? null }, 'login failed');
      throw INVALID();
    }
    if (account.failedLogins.length)
      await this.accounts.updateOne({ _id: account._id }, { $set: { failedLogins: [] } });
    const { session, refreshToken } = await this.sessions.open(account._id, account.kind, now);
    this.logger.log({ accountId: account._id, sessionId: session._id }, 'logged in');
    return this.tokens.pair(account, session._id, refreshToken);
  }

  private async recordFailure(account: AccountDocument, now: Date): Promise<void> {
    const failures = recordFailure(account.failedLogins, now);
    await this.accounts.updateOne({ _id: account._id }, { $set: { failedLogins: failures } });
    if (lockedUntil(failures, now))
      this.logger.warn({ accountId: account._id }, 'account locked after repeated failures');
  }
}
