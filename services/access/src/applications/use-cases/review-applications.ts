import { Clock } from '@lers/clock';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { Problem } from '@lers/contracts';
import { OutboxWriter } from '@lers/messaging';
import { ACCOUNT_MODEL, type AccountDocument } from '../../accounts/account.schema';
import { newActivation } from '../../accounts/activation-link';
import { isOverdue } from '../../review/domain/business-days';
import { applyRule } from '../../shared/rule-problem';
import { ACCESS_APPLICATION_MODEL, type AccessApplicationDocument } from '../access-application.schema';
import { approve, reject, type AccessApplicationStatus } from '../domain/access-application';
import { isDuplicateKey } from '@lers/persistence';
import { accountExists } from '../../accounts/account-exists';

export interface ReviewQueueItem {
  id: string;
  status: AccessApplicationStatus;
  agency: AccessApplicationDocument['agency'];
  officer: { fullName: string; email: string; title: string };
  submittedAt: string;
  reviewDueBy: string | null;
  overdue: boolean;
  documents: { id: string; contentType: string; size: number; sha256: string }[];
}

/** What reviewers do: read the queue (oldest deadline first), approve, reject. */
@Injectable()
export class ReviewApplicationsUseCase {
  constructor(
    private readonly clock: Clock,
    @InjectModel(ACCESS_APPLICATION_MODEL) private readonly applications: Model<AccessApplicationDocument>,
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly outbox: OutboxWriter,
  ) {}

  async queue(status: AccessApplicationStatus, limit: number, cursor: number, now = this.clock.now()) {
    const found = await this.applications
      .find({ status })
      .sort({ reviewDueBy: 1, submittedAt: 1, _id: 1 })
      .skip(cursor)
      .limit(limit + 1)
      .lean<AccessApplicationDocument[]>();
    const items = found.slice(0, limit).map((application) => this.toItem(application, now));
    return { items, nextCursor: found.length > limit ? String(cursor + limit) : null };
  }

  async get(id: string, now = this.clock.now()): Promise<ReviewQueueItem> {
    return this.toItem(await this.find(id), now);
  }

  async approve(id: string, reviewerId: string, now = this.clock.now()) {
    const application = await this.find(id);
    const change = applyRule(() => approve(application, now, reviewerId));
    const accountId = randomUUID();
    const activation = newActivation(now);
    const event = this.outbox.event('access.application.approved', application._id, {
      applicationId: application._id,
      accountId,
      fullName: application.officer.fullName,
      email: application.officer.email,
      agencyName: application.agency.name,
      activationToken: activation.token,
      activationExpiresAt: activation.expiresAt.toISOString(),
    });
    // The account first (its e-mail is unique, so a concurrent approval fails here); the
    // approval and its event after, so the e-mailed activation link always finds its account.
    await this.accounts
      .create({
        _id: accountId,
        kind: 'officer',
        email: application.officer.email,
        fullName: application.officer.fullName,
        title: application.officer.title,
        badgeNumber: application.officer.badgeNumber,
        roles: [],
        agency: { id: `agency-${application._id}`, ...application.agency },
        applicationId: application._id,
        status: 'pending_activation',
        passwordHash: null,
        totpSecret: null,
        activation: activation.stored,
        failedLogins: [],
        createdAt: now,
        activatedAt: null,
        suspendedAt: null,
        suspensionReason: null,
        outbox: [],
        outboxPending: false,
        revision: 1,
      })
      .catch((error: unknown) => {
        throw isDuplicateKey(error) ? accountExists() : error;
      });
    const updated = await this.outbox.update(
      this.applications,
      { _id: id },
      application.revision,
      { ...change },
      [event],
    );
    if (!updated) {
      await this.accounts.deleteOne({ _id: accountId, status: 'pending_activation' });
      throw Problem.invalidTransition('The application changed meanwhile; reload it.');
    }
    return { id, status: change.status, accountId };
  }

  async reject(id: string, reviewerId: string, reason: string, now = this.clock.now()) {
    const application = await this.find(id);
    const change = applyRule(() => reject(application, now, reviewerId, reason));
    const event = this.outbox.event('access.application.rejected', application._id, {
      applicationId: application._id,
      fullName: application.officer.fullName,
      email: application.officer.email,
      reason: change.rejectionReason,
    });
    const updated = await this.outbox.update(
      this.applications,
      { _id: id },
      application.revision,
      { ...change },
      [event],
    );
    if (!updated) throw Problem.invalidTransition('The application changed meanwhile; reload it.');
    return { id, status: change.status };
  }

  async document(id: string, documentId: string) {
    const application = await this.find(id);
    const document = application.proofOfAuthority.find((candidate) => candidate.id === documentId);
    if (!document) throw Problem.notFound('document');
    return document;
  }

  private async find(id: string): Promise<AccessApplicationDocument> {
    const application = await this.applications.findById(id).lean<AccessApplicationDocument>();
    if (!application) throw Problem.notFound('access application');
    return application;
  }

  private toItem(application: AccessApplicationDocument, now: Date): ReviewQueueItem {
    return {
      id: application._id,
      status: application.status,
      agency: application.agency,
      officer: {
        fullName: application.officer.fullName,
        email: application.officer.email,
        title: application.officer.title,
      },
      submittedAt: application.submittedAt.toISOString(),
      reviewDueBy: application.reviewDueBy?.toISOString() ?? null,
      overdue: application.status === 'pending_review' && isOverdue(application.reviewDueBy, now),
      documents: application.proofOfAuthority.map(({ id, contentType, size, sha256 }) => ({
        id,
        contentType,
        size,
        sha256,
      })),
    };
  }
}
