import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { LeasedJobs, pruningJob } from '@lers/jobs';
import { AccessEnv } from '../access.config';
import { SESSION_MODEL, type SessionDocument } from './session.schema';
import { endedSessionCutoffs } from './session-rules';

export const SESSION_PRUNING_JOB = 'ended-sessions-pruning';

/** Deletes sessions that ended more than ENDED_SESSION_RETENTION_DAYS ago (default 30) and are fully audited. */
@Injectable()
export class SessionPruning implements OnModuleInit {
  constructor(
    @Inject(AccessEnv) private readonly config: AccessEnv,
    @InjectModel(SESSION_MODEL) private readonly sessions: Model<SessionDocument>,
    private readonly jobs: LeasedJobs,
  ) {}

  onModuleInit(): void {
    this.jobs.register(
      pruningJob(SESSION_PRUNING_JOB, this.config.ENDED_SESSION_RETENTION_DAYS, async (cutoff) => {
        const { revokedBefore, lastUsedBefore } = endedSessionCutoffs(cutoff);
        const result = await this.sessions.deleteMany({
          $or: [{ revokedAt: { $lt: revokedBefore } }, { lastUsedAt: { $lt: lastUsedBefore } }],
          // A session whose audit intents are still queued keeps them until they are in the chain.
          auditQueued: { $ne: true },
        });
        return result.deletedCount;
      }),
    );
  }
}
