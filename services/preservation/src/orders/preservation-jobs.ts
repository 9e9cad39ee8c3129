import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { LeasedJobs } from '@lers/jobs';
import { PreservationEnv } from '../preservation.config';
import { ExpireOrdersUseCase } from './use-cases/expire-orders';
import { RemindOfficersUseCase } from './use-cases/remind-officers';

export const EXPIRY_JOB = 'preservation-expiry';
export const REMINDER_JOB = 'preservation-reminders';

/** The sweeps, one replica per period (`LeasedJobs`); each order's move is guarded on its own as well. */
@Injectable()
export class PreservationJobs implements OnModuleInit {
  constructor(
    private readonly jobs: LeasedJobs,
    private readonly expiry: ExpireOrdersUseCase,
    private readonly reminders: RemindOfficersUseCase,
    @Inject(PreservationEnv) private readonly config: PreservationEnv,
  ) {}

  onModuleInit(): void {
    const everyMs = this.config.PRESERVATION_SWEEP_EVERY_MS;
    this.jobs.register({ name: EXPIRY_JOB, everyMs, run: async (now) => void (await this.expiry.run(now)) });
    this.jobs.register({
      name: REMINDER_JOB,
      everyMs,
      run: async (now) => void (await this.reminders.run(now)),
    });
  }
}
