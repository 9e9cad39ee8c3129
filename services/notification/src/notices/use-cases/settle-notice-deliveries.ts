import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Logger } from '@nestjs/common';
import type { Model } from 'mongoose';
import { Clock } from '@lers/clock';
import { PollingWorker } from '@lers/messaging';
import { EmailDispatcher } from '../../email/email-dispatcher';
import { EmailOutbox } from '../../email/email-outbox';
import { NotificationEnv } from '../../notification.config';
import { delivered, deliveryFailed } from '../domain/notice';
import { NOTICE_MODEL, type NoticeDocument } from '../notice.schema';
import { NOTICE_TEMPLATE, Notices } from '../notices';

const BATCH = 100;

/**
 * Carries each notice e-mail's outcome to its notices: sent → delivered (and settled), failed for
 * good → failed (and staff alerted). Woken by the dispatcher, and on a timer, which also finishes
 * what a crash left (an e-mail not yet queued, an outcome not yet carried over). Every replica may
 * run it: each change is revision-guarded.
 */
@Injectable()
export class SettleNoticeDeliveriesUseCase implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SettleNoticeDeliveriesUseCase.name);
  private readonly worker: PollingWorker;

  constructor(
    private readonly clock: Clock,
    @InjectModel(NOTICE_MODEL) private readonly model: Model<NoticeDocument>,
    private readonly notices: Notices,
    private readonly emails: EmailOutbox,
    dispatcher: EmailDispatcher,
    @Inject(NotificationEnv) config: NotificationEnv,
  ) {
    this.worker = new PollingWorker(() => this.execute(), config.EMAIL_POLL_MS);
    dispatcher.onSettled((email) => {
      if (email.template === NOTICE_TEMPLATE) this.worker.nudge();
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }

  async execute(): Promise<void> {
    try {
      const sending = await this.model
        .find({ status: 'pending', reason: 'sending' })
        .limit(BATCH)
        .lean<NoticeDocument[]>();
      const outcomes = await this.emails.statusOf([...new Set(sending.map((notice) => notice.emailId!))]);
      for (const notice of sending) {
        const now = this.clock.now();
        const outcome = outcomes.get(notice.emailId!);
        if (outcome === undefined) await this.notices.resume(notice, now);
        else if (outcome === 'sent')
          await this.notices.change(notice._id, async (stored) => delivered(stored), now);
        else if (outcome === 'failed')
          await this.notices.change(notice._id, async (stored) => deliveryFailed(stored), now);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'notice delivery pass failed; will retry');
    }
  }
}
