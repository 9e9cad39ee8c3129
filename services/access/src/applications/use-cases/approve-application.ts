import { AuditTrail } from '@lers/audit';
import { Clock } from '@lers/clock';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem } from '@lers/contracts';
import { OutboxWriter } from '@lers/messaging';
import { isDuplicateKey } from '@lers/persistence';
import { accountExists } from '../../accounts/account-exists';
import { ACCOUNT_MODEL, type AccountDocument } from '../../accounts/account.schema';
import { newActivation } from '../../accounts/activation-link';
import { officerAccountIdOf } from '../../accounts/domain/officer-account';
import { applyRule } from '@lers/domain';
import { ACCESS_APPLICATION_MODEL, type AccessApplicationDocument } from '../access-application.schema';
import { approve } from '../domain/access-application';

export interface ApprovalResult {
  id: string;
  status: 'approved';
  accountId: string;
}

type Decision = Pick<AccountDocument, '_id' | 'createdAt' | 'createdBy'>;

const DECIDED_MEANWHILE = () =>
  Problem.invalidTransition('The application was decided meanwhile; reload it.');

/**
 * Approval is ONE write: the officer's account, whose id follows from the application and whose
 * outbox carries `access.application.approved` (the activation link). Around it, two repairable
 * writes on the application: before, a mark that stops a rejection from racing the approval;
 * after, the `approved` status, a projection of the account. A retry after a crash at any point
 * finds the account and completes the projection, without a second event. The request whose
 * projection moves the application to `approved` answers 200; any other approval of the same
 * application is the illegal move it is (409 invalid_transition), however they interleave. A
 * client that retries for lack of an answer sends an Idempotency-Key and gets the first answer.
 */
@Injectable()
export class ApproveApplicationUseCase {
  constructor(
    private readonly clock: Clock,
    @InjectModel(ACCESS_APPLICATION_MODEL) private readonly applications: Model<AccessApplicationDocument>,
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  async execute(id: string, reviewerId: string, now = this.clock.now()): Promise<ApprovalResult> {
    const application = await this.applications.findById(id).lean<AccessApplicationDocument>();
    if (!application) throw Problem.notFound('access application');
    applyRule(() => approve(application, now, reviewerId));
    if (!(await this.markStarted(application, now))) throw DECIDED_MEANWHILE();
    const decision = await this.createAccount(application, reviewerId, now);
    const change = approve(application, decision.createdAt, decision.createdBy ?? reviewerId);
    const projected = await this.applications.updateOne(
      { _id: id, status: 'pending_review' },
      { $set: { ...change, approvalStartedAt: null }, $inc: { revision: 1 } },
    );
    if (projected.modifiedCount !== 1) throw DECIDED_MEANWHILE();
    return { id, status: 'approved', accountId: decision._id };
  }

  /** Bumps the revision, so a rejection that read the application before fails its guarded write. */
  private async markStarted(application: AccessApplicationDocument, now: Date): Promise<boolean> {
    const marked = await this.applications.updateOne(
      { _id: application._id, status: 'pending_review' },
      { $set: { approvalStartedAt: application.approvalStartedAt ?? now }, $inc: { revision: 1 } },
    );
    return marked.matchedCount === 1;
  }

  private async createAccount(
    application: AccessApplicationDocument,
    reviewerId: string,
    now: Date,
  ): Promise<Decision> {
    const accountId = officerAccountIdOf(application._id);
    const agencyId = `agency-${application._id}`;
    const activation = newActivation(now);
    const event = this.outbox.event(
      'access.application.approved',
      application._id,
      {
        applicationId: application._id,
        accountId,
        fullName: application.officer.fullName,
        email: application.officer.email,
        agencyName: application.agency.name,
        agencyId,
        agencyCountry: application.agency.country,
        supervisor: { fullName: application.supervisor.fullName, email: application.supervisor.email },
        activationToken: activation.token,
        activationExpiresAt: activation.expiresAt.toISOString(),
      },
      now,
    );
    // The decision's entry rides with the account it creates, like its event.
    const approved = this.audit.intent(
      'access_application.approve',
      { type: 'access_application', id: application._id },
      { details: { from: application.status, to: 'approved', accountId } },
    );
    try {
      const created = await this.outbox.insert(
        this.accounts,
        {
          _id: accountId,
          kind: 'officer',
          email: application.officer.email,
          fullName: application.officer.fullName,
          title: application.officer.title,
          badgeNumber: application.officer.badgeNumber,
          roles: [],
          agency: { id: agencyId, ...application.agency },
          applicationId: application._id,
          status: 'pending_activation',
          passwordHash: null,
          totpSecret: null,
          activation: activation.stored,
          failedLogins: [],
          createdAt: now,
          createdBy: reviewerId,
          activatedAt: null,
          suspendedAt: null,
          suspensionReason: null,
          ...this.audit.queue(null, approved),
        },
        [event],
      );
      this.audit.written(this.accounts as never, created.toObject());
      return { _id: accountId, createdAt: now, createdBy: reviewerId };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // This approval already happened (a retry, a crash, a concurrent request): no second event.
      const existing = await this.accounts
        .findById(accountId, { createdAt: 1, createdBy: 1 })
        .lean<Decision>();
      if (existing) return existing;
      // The e-mail belongs to another account: this approval cannot happen; let it be rejected.
      await this.applications.updateOne(
        { _id: application._id, status: 'pending_review' },
        { $set: { approvalStartedAt: null }, $inc: { revision: 1 } },
      );
      throw accountExists();
    }
  }
}
