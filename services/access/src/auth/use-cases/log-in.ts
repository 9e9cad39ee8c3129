import { Clock } from '@lers/clock';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem, type LoginCredentials, type TokenPair } from '@lers/contracts';
import { Metrics } from '@lers/observability';
import { ACCOUNT_MODEL, type AccountDocument } from '../../accounts/account.schema';
import { matchingTotpStep, passwordMatches } from '../../accounts/credentials';
import { TotpSeedCipher } from '../../accounts/totp-seed-cipher';
import { SessionStore } from '../../sessions/session-store';
import { LoginAttempts } from '../login-attempts';
import { TokenSigner } from '../token-signer';

const INVALID = () => new Problem(401, 'invalid_credentials', 'The e-mail, password or code is not correct.');

/**
 * Password + TOTP. The answer is the same whichever part was wrong and whether or not the account
 * exists; the attempt is counted per e-mail before anything is checked, and the sixth within 15
 * minutes is refused (423) until the window ends. A TOTP code works once.
 */
@Injectable()
export class LogInUseCase {
  private readonly logger = new Logger(LogInUseCase.name);

  constructor(
    private readonly clock: Clock,
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly sessions: SessionStore,
    private readonly tokens: TokenSigner,
    private readonly attempts: LoginAttempts,
    private readonly seeds: TotpSeedCipher,
    private readonly metrics: Metrics,
  ) {}

  async execute(
    credentials: LoginCredentials,
    kind: 'officer' | 'staff',
    now = this.clock.now(),
  ): Promise<TokenPair> {
    const email = credentials.email.toLowerCase();
    const attemptKey = `${kind}:${email}`;
    const claim = await this.attempts.claim(attemptKey, now);
    if (!claim.counted) {
      this.logger.warn({ kind }, 'login refused: too many attempts for this e-mail');
      throw new Problem(
        423,
        'account_locked',
        `Too many failed attempts; try again after ${claim.lockedUntil.toISOString()}.`,
      );
    }
    const account = await this.accounts.findOne({ email, kind }).lean();
    const passwordOk = await passwordMatches(account?.passwordHash ?? null, credentials.password);
    this.metrics.passwordChecks.inc({ outcome: passwordOk ? 'match' : 'mismatch' });
    const step =
      account && account.status === 'active' && passwordOk
        ? matchingTotpStep(this.seeds.decrypt(account.totpSecret, account._id), credentials.totp)
        : null;
    if (!account || step === null || !(await this.useTotpStep(account, step))) {
      this.logger.warn({ accountId: account?._id ?? null }, 'login failed');
      throw INVALID();
    }
    await this.attempts.clear(attemptKey);
    const { session, refreshToken } = await this.sessions.open(account._id, account.kind, now);
    this.logger.log({ accountId: account._id, sessionId: session._id }, 'logged in');
    return this.tokens.pair(account, session._id, refreshToken);
  }

  /**
   * Records `step` as the last one used, only if it is later than the last: a code seen once (a
   * replay, or two logins with one code at once) does not pass twice. A seed stored plain or under
   * an older key is re-encrypted with the current key in the same write.
   */
  private async useTotpStep(account: AccountDocument, step: number): Promise<boolean> {
    const seed = this.seeds.decrypt(account.totpSecret, account._id);
    const reencrypted =
      seed && this.seeds.needsReencryption(account.totpSecret)
        ? { totpSecret: this.seeds.encrypt(seed, account._id) }
        : {};
    const used = await this.accounts.updateOne(
      {
        _id: account._id,
        $or: [{ totpLastStep: { $exists: false } }, { totpLastStep: null }, { totpLastStep: { $lt: step } }],
      },
      { $set: { totpLastStep: step, ...reencrypted } },
    );
    if (used.modifiedCount !== 1) this.logger.warn({ accountId: account._id }, 'TOTP code replayed');
    return used.modifiedCount === 1;
  }
}
