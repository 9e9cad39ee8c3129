import { AuditTrail } from '@lers/audit';
import { Clock } from '@lers/clock';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem } from '@lers/contracts';
import { OutboxWriter } from '@lers/messaging';
import { ACCOUNT_MODEL, type AccountDocument } from '../../accounts/account.schema';
import { suspend } from '../../accounts/domain/officer-account';
import { SessionStore } from '../../sessions/session-store';
import { applyRule } from '@lers/domain';

/**
 * Suspension takes effect in the account's own write: every session check reads the account's
 * status, so live tokens fail at once even if the service dies before the sessions are revoked.
 * Revoking them afterwards records why they ended and keeps them ended after a reactivation.
 */
@Injectable()
export class SuspendOfficerUseCase {
  constructor(
    private readonly clock: Clock,
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly sessions: SessionStore,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async execute(officerId: string, adminId: string, reason: string, now = this.clock.now()) {
    const officer = await this.accounts.findOne({ _id: officerId, kind: 'officer' }).lean<AccountDocument>();
    if (!officer) throw Problem.notFound('officer');
    const change = applyRule(() => suspend(officer, now, adminId, reason));
    const event = this.outbox.event('access.account.suspended', officer._id, {
      accountId: officer._id,
      kind: 'officer',
      status: 'suspended',
    });
    const suspended = this.audit.intent(
      'officer.suspend',
      { type: 'account', id: officer._id },
      { details: { from: officer.status, to: change.status, reason } },
    );
    const updated = await this.outbox.update(
      this.accounts,
      { _id: officer._id },
      officer.revision,
      {
        status: change.status,
        suspendedAt: change.suspendedAt,
        suspensionReason: change.suspensionReason,
        ...this.audit.queue(officer, suspended),
      },
      [event],
    );
    if (!updated) throw Problem.invalidTransition('The officer changed meanwhile; reload and retry.');
    this.audit.written(this.accounts as never, updated);
    const revokedSessions = await this.sessions.revokeAllOf(officer._id, 'officer_suspended', now);
    return { id: officer._id, status: change.status, revokedSessions };
  }
}
