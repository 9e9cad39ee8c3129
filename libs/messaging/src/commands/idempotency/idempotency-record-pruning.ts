import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LeasedJobs, pruningJob } from '@lers/jobs';
import { IDEMPOTENCY_WINDOW_DAYS, IdempotentCommands } from './idempotent-commands';

export const IDEMPOTENCY_RECORD_PRUNING_JOB = 'idempotency-records-pruning';

/** Forgets Idempotency-Keys once their window has passed (FerretDB has no TTL indexes). */
@Injectable()
export class IdempotencyRecordPruning implements OnModuleInit {
  constructor(
    private readonly idempotency: IdempotentCommands,
    private readonly jobs: LeasedJobs,
  ) {}

  onModuleInit(): void {
    this.jobs.register(
      pruningJob(IDEMPOTENCY_RECORD_PRUNING_JOB, IDEMPOTENCY_WINDOW_DAYS, (cutoff) =>
        this.idempotency.forgetOlderThan(cutoff),
      ),
    );
  }
}
