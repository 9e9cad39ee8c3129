import { AuditTrail, type AuditActor } from '@lers/audit';
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
import { MAX_FAILED_LOGINS } from '../../accounts/domain/login-lockout';
import { LoginAttempts } from '../login-attempts';
import { TokenSigner } from '../token-signer';

const INVALID = () => new Problem(401, 'invalid_credentials', 'The e-mail, password or code is not correct.');

/**
 * Password + TOTP. The answer is the same whichever part was wrong and whether or not the account
 * exists; the attempt is counted per e-mail before anything is checked, and the sixth within 15
 * minutes is refused (423) until the window ends. A TOTP code works once. Every attempt is audited
 * (`auth.login`, entity the login name `<kind>:<e-mail>`): a success in the session's own write, a
 * failure or refusal before the answer leaves, and the failure that locks the name as `auth.lockout`.
 * Never the password or the code.
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
    private readonly audit: AuditTrail,
  ) {}

  async execute(
    credentials: LoginCredentials,
    kind: 'officer' | 'staff',
    now = this.clock.now(),
  ): Promise<TokenPair> {
    const email = credentials.email.toLowerCase();
    const attemptKey = `${kind}:${email}`;
    const claim = await this.attempts.claim(attemptKey, now);
    const loginName = { type: 'login', id: attemptKey };
    if (!claim.counted) {
      this.logger.warn({ kind }, 'login refused: too many attempts for this e-mail');
      await this.audit.record('auth.login', loginName, {
        outcome: 'denied',
        details: { reason: 'locked', lockedUntil: claim.lockedUntil.toISOString() },
      });
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
    const reason = !account
      ? 'unknown_account'
      : !passwordOk
        ? 'wrong_password'
        : account.status !== 'active'
          ? 'account_not_active'
          : step === null
            ? 'wrong_code'
            : (await this.useTotpStep(account, step))
              ? null
              : 'code_replayed';
    if (!account || reason) {
      this.logger.warn({ accountId: account?._id ?? null, reason }, 'login failed');
      const actor = account ? actorOf(account) : {};
      await this.audit.record('auth.login', loginName, { outcome: 'failed', actor, details: { reason } });
      if (claim.attempt === MAX_FAILED_LOGINS) {
        await this.audit.record('auth.lockout', loginName, {
          actor,
          details: { attempts: claim.attempt, lockedUntil: claim.lockedUntil.toISOString() },
        });
      }
      throw INVALID();
    }
    await this.attempts.clear(attemptKey);
    const loggedIn = this.audit.intent('auth.login', loginName, { actor: actorOf(account) });
    const { session, refreshToken } = await this.sessions.open(account._id, account.kind, now, loggedIn);
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

const actorOf = (account: AccountDocument): AuditActor => ({
  kind: account.kind,
  id: account._id,
  agencyId: account.agency?.id ?? null,
  roles: account.roles,
});
