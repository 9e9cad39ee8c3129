import { AuditTrail } from '@lers/audit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem } from '@lers/contracts';
import { OutboxWriter, type OutboxEvent } from '@lers/messaging';
import { isDuplicateKey } from '@lers/persistence';
import type { RequestSubject } from '@lers/subjects';
import { EmailOutbox } from '../email/email-outbox';
import { NotificationEnv } from '../notification.config';
import { StaffAlerts } from '../staff-alerts/staff-alerts';
import { USER_DIRECTORY, type UserDirectory } from '../user-directory/user-directory.port';
import type { Notice, NoticeChange, NoticeEffects, UserMatch } from './domain/notice';
import { userNoticeEmail } from './domain/notice-email';
import { NOTICE_MODEL, type NoticeDecision, type NoticeDocument } from './notice.schema';

const MAX_TRIES = 5;
export const NOTICE_TEMPLATE = 'user-notice';

/** A decision on the stored notice: the change, and what makes its alert unique (if it raises one). */
export type NoticeDecider = (
  stored: NoticeDocument,
) => Promise<(NoticeChange & { alertAbout?: string; decision?: NoticeDecision }) | null>;

/**
 * Keeps user notices: each change is one revision-guarded write of the notice with its settlement
 * event in the outbox; its other effects (the e-mail, a staff alert) are keyed writes that a retry
 * or a redelivered event repeats harmlessly (`resume`).
 */
@Injectable()
export class Notices {
  constructor(
    @InjectModel(NOTICE_MODEL) private readonly model: Model<NoticeDocument>,
    private readonly outbox: OutboxWriter,
    private readonly emails: EmailOutbox,
    private readonly alerts: StaffAlerts,
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
    @Inject(NotificationEnv) private readonly config: NotificationEnv,
    private readonly audit: AuditTrail,
  ) {}

  get(id: string): Promise<NoticeDocument | null> {
    return this.model.findById(id).lean<NoticeDocument>();
  }

  async match(subject: RequestSubject): Promise<UserMatch> {
    const users = await this.directory.find(subject);
    if (users.length === 0) return { kind: 'none' };
    if (users.length > 1) return { kind: 'ambiguous' };
    return { kind: 'one', ...users[0] };
  }

  /** The first notice for a subject; null when it exists already (a redelivery or another replica). */
  async insert(
    base: Omit<
      NoticeDocument,
      keyof Notice | 'emailId' | 'decision' | 'outbox' | 'outboxPending' | 'revision'
    >,
    change: NoticeChange,
    now: Date,
  ): Promise<NoticeDocument | null> {
    const document = {
      ...base,
      ...this.fieldsOf(base, change.notice, null),
      decision: null,
    } as Omit<NoticeDocument, 'outbox' | 'outboxPending' | 'revision'>;
    const intent = this.audit.intent(
      'notice.open',
      { type: 'notice', id: base._id },
      {
        details: { to: document.status },
      },
    );
    try {
      const created = await this.outbox.insert(
        this.model,
        { ...document, ...this.audit.queue(null, intent) },
        this.settlementOf(document, change.effects, now),
      );
      this.audit.written(this.model as never, created.toObject() as NoticeDocument);
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
    const stored = (await this.get(base._id))!;
    await this.carryOut(
      stored,
      change.effects,
      change.effects.alert === 'non_disclosure_open_ended' ? 'opened' : '',
      now,
    );
    return stored;
  }

  /** Reads, decides, writes if nobody wrote in between, else decides again on what is stored now. */
  async change(id: string, decide: NoticeDecider, now: Date): Promise<NoticeDocument> {
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const stored = await this.get(id);
      if (!stored) throw new Problem(404, 'not_found', 'No such notice.');
      const decided = await decide(stored);
      if (!decided) return stored;
      const { notice, effects } = decided;
      const changes = {
        ...this.fieldsOf(stored, notice, stored.emailId),
        ...(decided.decision ? { decision: decided.decision } : {}),
        updatedAt: now,
      };
      // Staff decisions are named by their kind; the service's own moves (delivery, lapse) by status.
      const intent = this.audit.intent(
        decided.decision ? `notice.${decided.decision.kind}` : 'notice.update',
        { type: 'notice', id },
        { details: { from: stored.status, to: changes.status ?? stored.status } },
      );
      Object.assign(changes, this.audit.queue(stored, intent));
      const updated = await this.outbox.update(
        this.model,
        { _id: id },
        stored.revision,
        changes,
        this.settlementOf(stored, effects, now),
      );
      if (!updated) continue;
      this.audit.written(this.model as never, updated as NoticeDocument);
      await this.carryOut(updated as NoticeDocument, effects, decided.alertAbout ?? '', now);
      return updated as NoticeDocument;
    }
    throw new Problem(409, 'concurrent_update', 'The notice kept changing; please retry.');
  }

  /** Repeats what a notice's state still needs done (after a crash, or for a redelivered event). */
  async resume(notice: NoticeDocument, now: Date): Promise<void> {
    const { status, reason } = notice;
    if (status === 'pending' && reason === 'sending') return this.queueEmail(notice, now);
    if (status === 'pending') {
      await this.alert(
        notice,
        reason === 'no_matching_user' ? 'notice_no_matching_user' : 'notice_ambiguous_user',
        '',
        now,
      );
    } else if (status === 'failed') {
      await this.alert(notice, 'notice_failed', '', now);
    } else if (reason === 'non_disclosure_order' && notice.orderUntil === null) {
      await this.alert(notice, 'non_disclosure_open_ended', 'opened', now);
    }
  }

  private async carryOut(notice: NoticeDocument, effects: NoticeEffects, alertAbout: string, now: Date) {
    if (effects.sendTo) await this.queueEmail(notice, now);
    if (effects.alert) await this.alert(notice, effects.alert, alertAbout, now);
  }

  private async queueEmail(notice: NoticeDocument, now: Date): Promise<void> {
    if (!notice.emailId || !notice.email) return;
    await this.emails.queueAs(
      { id: notice.emailId, template: NOTICE_TEMPLATE, correlationId: notice.correlationId },
      userNoticeEmail({
        to: notice.email,
        agencyName: notice.agencyName,
        agencyCountry: notice.agencyCountry,
        dataRequested: notice.dataRequested,
        exchangeName: this.config.NOTICE_EXCHANGE_NAME,
        contact: this.config.NOTICE_CONTACT,
      }),
      now,
    );
  }

  private alert(notice: NoticeDocument, kind: NonNullable<NoticeEffects['alert']>, about: string, now: Date) {
    return this.alerts.raise(
      {
        kind,
        about: about ? `${notice._id}:${about}` : notice._id,
        requestId: notice.requestId,
        noticeId: notice._id,
      },
      now,
    );
  }

  /** One e-mail per user per request, whichever of its subjects lead to them. */
  private fieldsOf(where: { requestId: string }, notice: Notice, emailId: string | null) {
    return {
      status: notice.status,
      reason: notice.reason,
      userId: notice.userId,
      email: notice.email,
      emailId:
        notice.reason === 'sending' ? `${NOTICE_TEMPLATE}:${where.requestId}:${notice.userId}` : emailId,
      orderUntil: notice.orderUntil,
      reviewDueAt: notice.reviewDueAt,
      settled: notice.settled,
    };
  }

  private settlementOf(
    notice: { requestId: string; subjectIndex: number },
    effects: NoticeEffects,
    now: Date,
  ): OutboxEvent[] {
    if (!effects.settle) return [];
    const { requestId, subjectIndex } = notice;
    return [
      this.outbox.event(
        'notification.notice.settled',
        requestId,
        { requestId, subjectIndex, outcome: effects.settle },
        now,
      ),
    ];
  }
}
