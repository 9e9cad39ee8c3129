import { AuditTrail } from '@lers/audit';
import { Clock } from '@lers/clock';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem, type TotpEnrolment } from '@lers/contracts';
import { OutboxWriter } from '@lers/messaging';
import { hashLinkToken } from '../../applications/verification-token';
import { applyRule } from '@lers/domain';
import { ACCOUNT_MODEL, type AccountDocument } from '../account.schema';
import { hashPassword, matchingTotpStep, newTotpSecret } from '../credentials';
import { TotpSeedCipher } from '../totp-seed-cipher';
import { assertAcceptablePassword } from '../domain/password-policy';
import { confirmTotp, setPassword } from '../domain/officer-account';

const INVALID_TOKEN = () =>
  new Problem(400, 'invalid_token', 'The activation link is not valid or has expired.');

/** Activation, for officers and staff alike: set a password, then confirm an authenticator. */
@Injectable()
export class ActivateAccountUseCase {
  constructor(
    private readonly clock: Clock,
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly outbox: OutboxWriter,
    private readonly seeds: TotpSeedCipher,
    private readonly audit: AuditTrail,
  ) {}

  async setPassword(token: string, password: string, now = this.clock.now()): Promise<TotpEnrolment> {
    const account = await this.byToken(token, now);
    const change = applyRule(() => setPassword(account, now));
    applyRule(() => assertAcceptablePassword(password, { email: account.email }));
    const { secret, otpauthUrl } = newTotpSecret(account.email);
    const passwordSet = this.activationIntent('account.password.set', account, change.status);
    // Pushed, not set: this write is guarded by status, not revision, so it must keep what is queued.
    // The revision moves on so that the appender's clearing of an older read cannot drop it.
    const updated = await this.accounts.updateOne(
      { _id: account._id, status: account.status },
      {
        $set: {
          status: change.status,
          passwordHash: await hashPassword(password),
          totpSecret: this.seeds.encrypt(secret, account._id),
          auditQueued: true,
        },
        $push: { auditPending: passwordSet },
        $inc: { revision: 1 },
      },
    );
    if (updated.modifiedCount !== 1) throw INVALID_TOKEN();
    const stored = await this.accounts.findById(account._id).lean();
    if (stored) this.audit.written(this.accounts as never, stored);
    return { totpSecret: secret, otpauthUrl };
  }

  async confirmTotp(token: string, code: string, now = this.clock.now()): Promise<{ status: 'active' }> {
    const account = await this.byToken(token, now);
    const change = applyRule(() => confirmTotp(account, now));
    const step = matchingTotpStep(this.seeds.decrypt(account.totpSecret, account._id), code);
    if (step === null) {
      throw new Problem(
        422,
        'invalid_totp',
        'The code does not match; check the authenticator and the clock.',
        [{ field: 'code', message: 'does not match' }],
      );
    }
    // The account becomes active and announces it in the same write: exactly one event, even
    // when the same code is confirmed twice at once (the revision lets one write through).
    const event = this.outbox.event(
      'access.account.activated',
      account._id,
      { accountId: account._id, kind: account.kind, status: 'active' },
      now,
    );
    const updated = await this.outbox.update(
      this.accounts,
      { _id: account._id, status: account.status },
      account.revision,
      // The confirming code is used up: it cannot also sign in.
      {
        status: change.status,
        activatedAt: change.activatedAt,
        activation: null,
        totpLastStep: step,
        ...this.audit.queue(account, this.activationIntent('account.activate', account, change.status)),
      },
      [event],
    );
    if (!updated) throw INVALID_TOKEN();
    this.audit.written(this.accounts as never, updated);
    return { status: 'active' };
  }

  /** Whoever holds the activation link acts as the account's owner. */
  private activationIntent(action: string, account: AccountDocument, to: string) {
    return this.audit.intent(
      action,
      { type: 'account', id: account._id },
      {
        actor: {
          kind: account.kind,
          id: account._id,
          agencyId: account.agency?.id ?? null,
          roles: account.roles,
        },
        details: { from: account.status, to },
      },
    );
  }

  private async byToken(token: string, now: Date): Promise<AccountDocument> {
    const account = await this.accounts.findOne({ 'activation.tokenHash': hashLinkToken(token) }).lean();
    if (!account?.activation || account.activation.expiresAt <= now) throw INVALID_TOKEN();
    return account;
  }
}
