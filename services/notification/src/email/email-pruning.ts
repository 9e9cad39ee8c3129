import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { LeasedJobs, pruningJob } from '@lers/jobs';
import { NotificationEnv } from '../notification.config';
import { OUTGOING_EMAIL_MODEL, type OutgoingEmail } from './outgoing-email.schema';

export const SENT_EMAIL_PRUNING_JOB = 'sent-emails-pruning';
export const FAILED_EMAIL_PRUNING_JOB = 'failed-emails-pruning';

/**
 * Deletes sent e-mails SENT_EMAIL_RETENTION_DAYS (default 30) after sending, and e-mails that
 * failed for good FAILED_EMAIL_RETENTION_DAYS (default 90) after they were queued: a failure is
 * kept three times as long, for whoever investigates why a notice never arrived. E-mails still
 * pending or sending are never deleted.
 */
@Injectable()
export class EmailPruning implements OnModuleInit {
  constructor(
    @Inject(NotificationEnv) private readonly config: NotificationEnv,
    @InjectModel(OUTGOING_EMAIL_MODEL) private readonly emails: Model<OutgoingEmail>,
    private readonly jobs: LeasedJobs,
  ) {}

  onModuleInit(): void {
    this.jobs.register(
      pruningJob(SENT_EMAIL_PRUNING_JOB, this.config.SENT_EMAIL_RETENTION_DAYS, (cutoff) =>
        this.deleteWhere({ status: 'sent', sentAt: { $lt: cutoff } }),
      ),
    );
    this.jobs.register(
      pruningJob(FAILED_EMAIL_PRUNING_JOB, this.config.FAILED_EMAIL_RETENTION_DAYS, (cutoff) =>
        this.deleteWhere({ status: 'failed', createdAt: { $lt: cutoff } }),
      ),
    );
  }

  private async deleteWhere(filter: Record<string, unknown>): Promise<number> {
    return (await this.emails.deleteMany(filter)).deletedCount;
  }
}
