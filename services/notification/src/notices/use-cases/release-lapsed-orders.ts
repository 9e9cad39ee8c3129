import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { LeasedJobs } from '@lers/jobs';
import type { RequestSubject } from '@lers/subjects';
import { NotificationEnv } from '../../notification.config';
import { endOrder, remindOfOrder } from '../domain/notice';
import { NOTICE_MODEL, type NoticeDocument } from '../notice.schema';
import { Notices } from '../notices';

export const ORDER_LAPSE_JOB = 'notice-order-lapses';
export const ORDER_REVIEW_JOB = 'notice-order-reviews';
const BATCH = 100;

/**
 * Two leased jobs on the service's clock (one replica per period): notices whose non-disclosure
 * order has lapsed are sent (the user is looked up again: the directory may have changed), and
 * staff are reminded every 90 days of each order without an end date.
 */
@Injectable()
export class ReleaseLapsedOrdersUseCase implements OnModuleInit {
  constructor(
    @InjectModel(NOTICE_MODEL) private readonly model: Model<NoticeDocument>,
    private readonly notices: Notices,
    private readonly jobs: LeasedJobs,
    @Inject(NotificationEnv) private readonly config: NotificationEnv,
  ) {}

  onModuleInit(): void {
    const everyMs = this.config.SCHEDULED_WORK_EVERY_MS;
    this.jobs.register({ name: ORDER_LAPSE_JOB, everyMs, run: (now) => this.releaseLapsed(now) });
    this.jobs.register({ name: ORDER_REVIEW_JOB, everyMs, run: (now) => this.remindOfOpenEnded(now) });
  }

  async releaseLapsed(now: Date): Promise<void> {
    const held = { status: 'suppressed' as const, reason: 'non_disclosure_order' as const };
    for (;;) {
      const lapsed = await this.model
        .find({ ...held, orderUntil: { $lte: now } })
        .limit(BATCH)
        .lean<NoticeDocument[]>();
      for (const notice of lapsed) {
        await this.notices.change(
          notice._id,
          async (stored) => {
            if (stored.status !== 'suppressed' || stored.reason !== 'non_disclosure_order') return null;
            return endOrder(stored, await this.notices.match(stored.subject as RequestSubject), now, 'lapse');
          },
          now,
        );
      }
      if (lapsed.length < BATCH) return;
    }
  }

  async remindOfOpenEnded(now: Date): Promise<void> {
    const due = await this.model
      .find({ status: 'suppressed', reason: 'non_disclosure_order', reviewDueAt: { $lte: now } })
      .limit(BATCH)
      .lean<NoticeDocument[]>();
    for (const notice of due) {
      await this.notices.change(
        notice._id,
        async (stored) => {
          const reminder = remindOfOrder(stored, now);
          return reminder && { ...reminder, alertAbout: stored.reviewDueAt!.toISOString() };
        },
        now,
      );
    }
  }
}
