import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { LeasedJobs, pruningJob } from '@lers/jobs';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { PROCESSED_EVENT_MODEL, type ProcessedEvent } from './processed-event.schema';

/**
 * The ledger entry of an applied event is what stops a redelivered copy from being applied again,
 * so it must outlive every way the same event can come back: Kafka keeps a topic's messages 7 days
 * (the broker default, which our topics use), and a consumer group reset or replay redelivers at
 * most that far back; the outbox relay re-publishes only events still pending. 14 days covers the
 * 7 days plus a week of outage or investigation before a replay; the config refuses fewer than 8.
 * Entries still `processing` are never pruned: they mark work a crash interrupted.
 */
export const DEFAULT_PROCESSED_EVENT_RETENTION_DAYS = 14;

export const PROCESSED_EVENT_PRUNING_JOB = 'processed-events-pruning';

@Injectable()
export class ProcessedEventPruning implements OnModuleInit {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @InjectModel(PROCESSED_EVENT_MODEL) private readonly ledger: Model<ProcessedEvent>,
    private readonly jobs: LeasedJobs,
  ) {}

  onModuleInit(): void {
    const days = this.options.processedEventRetentionDays ?? DEFAULT_PROCESSED_EVENT_RETENTION_DAYS;
    this.jobs.register(
      pruningJob(PROCESSED_EVENT_PRUNING_JOB, days, async (cutoff) => {
        const result = await this.ledger.deleteMany({ status: 'done', at: { $lt: cutoff } });
        return result.deletedCount;
      }),
    );
  }
}
