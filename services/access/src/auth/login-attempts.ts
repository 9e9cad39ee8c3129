import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { LeasedJobs, pruningJob } from '@lers/jobs';
import { isDuplicateKey } from '@lers/persistence';
import { isLocked, lockedUntil, MAX_FAILED_LOGINS, windowsOverAt } from '../accounts/domain/login-lockout';
import { LOGIN_ATTEMPT_MODEL, type LoginAttemptDocument } from './login-attempt.schema';

/** `attempt`: this one's number in the window (the MAX_FAILED_LOGINS-th locks the e-mail if it fails). */
export type AttemptClaim =
  { counted: true; attempt: number; lockedUntil: Date } | { counted: false; lockedUntil: Date };

/**
 * Counts each sign-in attempt with one guarded write before anything is checked, so parallel
 * guesses cannot slip past the count (the patched store makes guarded updates atomic).
 */
@Injectable()
export class LoginAttempts implements OnModuleInit {
  constructor(
    @InjectModel(LOGIN_ATTEMPT_MODEL) private readonly attempts: Model<LoginAttemptDocument>,
    private readonly jobs: LeasedJobs,
  ) {}

  onModuleInit(): void {
    // Windows of e-mails nobody tries again would otherwise stay forever.
    this.jobs.register(
      pruningJob('login-attempts-pruning', 1, async (cutoff) => {
        const result = await this.attempts.deleteMany({ windowStart: { $lt: cutoff } });
        return result.deletedCount;
      }),
    );
  }

  async claim(key: string, now: Date): Promise<AttemptClaim> {
    const over = windowsOverAt(now);
    for (;;) {
      const counted = await this.attempts.findOneAndUpdate(
        { _id: key, windowStart: { $gt: over }, attempts: { $lt: MAX_FAILED_LOGINS } },
        { $inc: { attempts: 1 } },
        { returnDocument: 'after' },
      );
      if (counted)
        return { counted: true, attempt: counted.attempts, lockedUntil: lockedUntil(counted.windowStart) };
      const first = { counted: true as const, attempt: 1, lockedUntil: lockedUntil(now) };
      const reopened = await this.attempts.findOneAndUpdate(
        { _id: key, windowStart: { $lte: over } },
        { $set: { windowStart: now, attempts: 1 } },
      );
      if (reopened) return first;
      try {
        await this.attempts.create({ _id: key, windowStart: now, attempts: 1 });
        return first;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const current = await this.attempts.findById(key).lean();
      if (current && isLocked(current, now))
        return { counted: false, lockedUntil: lockedUntil(current.windowStart) };
      // Another attempt moved the window between our writes: count again.
    }
  }

  async clear(key: string): Promise<void> {
    await this.attempts.deleteOne({ _id: key });
  }
}
