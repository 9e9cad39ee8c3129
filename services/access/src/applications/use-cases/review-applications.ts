import { AuditTrail } from '@lers/audit';
import { Clock } from '@lers/clock';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem } from '@lers/contracts';
import { OutboxWriter } from '@lers/messaging';
import { ACCOUNT_MODEL, type AccountDocument } from '../../accounts/account.schema';
import { officerAccountIdOf } from '../../accounts/domain/officer-account';
import { isOverdue } from '@lers/calendar';
import { applyRule } from '@lers/domain';
import { ACCESS_APPLICATION_MODEL, type AccessApplicationDocument } from '../access-application.schema';
import { reject, type AccessApplicationStatus } from '../domain/access-application';

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

/** What reviewers do: read the queue (oldest deadline first) and reject (approve-application.ts approves). */
@Injectable()
export class ReviewApplicationsUseCase {
  constructor(
    private readonly clock: Clock,
    @InjectModel(ACCESS_APPLICATION_MODEL) private readonly applications: Model<AccessApplicationDocument>,
    @InjectModel(ACCOUNT_MODEL) private readonly accounts: Model<AccountDocument>,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
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

  async reject(id: string, reviewerId: string, reason: string, now = this.clock.now()) {
    const application = await this.find(id);
    const change = applyRule(() => reject(application, now, reviewerId, reason));
    // An approval that created the account and stopped before marking the application approved.
    if (await this.accounts.exists({ _id: officerAccountIdOf(id) })) {
      throw Problem.invalidTransition('The application was approved; approve it again to complete it.');
    }
    const event = this.outbox.event('access.application.rejected', application._id, {
      applicationId: application._id,
      fullName: application.officer.fullName,
      email: application.officer.email,
      reason: change.rejectionReason,
    });
    const updated = await this.outbox.update(
      this.applications,
      { _id: id, approvalStartedAt: null },
      application.revision,
      {
        ...change,
        ...this.audit.queue(
          application,
          this.audit.intent(
            'access_application.reject',
            { type: 'access_application', id },
            { details: { from: application.status, to: change.status } },
          ),
        ),
      },
      [event],
    );
    if (!updated) throw Problem.invalidTransition('The application changed meanwhile; reload it.');
    this.audit.written(this.applications as never, updated);
    return { id, status: change.status };
  }

  async document(id: string, documentId: string) {
    const application = await this.find(id);
    const document = application.proofOfAuthority.find((candidate) => candidate.id === documentId);
    if (!document) throw Problem.notFound('document');
    await this.audit.record(
      'access_application.document.read',
      { type: 'access_application', id },
      { details: { documentId, sha256: document.sha256 } },
    );
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
