import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Clock } from '@lers/clock';
import { isDuplicateKey } from '@lers/persistence';
import { JOB_LEASE_MODEL, type JobLease } from './job-lease.schema';
import type { LeasedJob } from './leased-job';
import { leasePeriod } from './lease-period';

/** Replicas try more often than a long period so that a period is not missed to timer drift. */
const MAX_TRY_EVERY_MS = 60_000;

interface Scheduled {
  job: LeasedJob;
  timer?: NodeJS.Timeout;
  running?: Promise<boolean>;
}

/**
 * Runs each registered job once per period on exactly one replica. Every replica tries; a try is
 * one conditional write on the job's lease (`job_leases`, `_id` = job name): it takes the lease
 * until the end of the current period if the previous lease has lapsed. When the lease is held,
 * the upsert's insert collides with the existing `_id` (E11000) and the try is lost.
 */
@Injectable()
export class LeasedJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** This running service (a process runs one): what the lease document names as its holder. */
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger(LeasedJobs.name);
  private readonly jobs = new Map<string, Scheduled>();
  private started = false;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    @InjectModel(JOB_LEASE_MODEL) private readonly leases: Model<JobLease>,
  ) {}

  register(job: LeasedJob): void {
    if (this.jobs.has(job.name)) throw new Error(`a job named ${job.name} is already registered`);
    leasePeriod(new Date(0), job.everyMs); // refuses a period that is not a positive integer
    const scheduled: Scheduled = { job };
    this.jobs.set(job.name, scheduled);
    if (this.started) this.schedule(scheduled);
  }

  onApplicationBootstrap(): void {
    this.started = true;
    this.jobs.forEach((scheduled) => this.schedule(scheduled));
  }

  /** Stops the timers and lets the passes under way finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.jobs.forEach((scheduled) => clearInterval(scheduled.timer));
    await Promise.allSettled([...this.jobs.values()].map((scheduled) => scheduled.running));
  }

  /**
   * One try now (the timers call it; so can tests and operators): runs the job if this replica
   * takes the current period's lease. Waits for a pass of the same job already under way here,
   * so a process never runs a job twice at once. True when it ran.
   */
  async runNow(name: string): Promise<boolean> {
    const scheduled = this.jobs.get(name);
    if (!scheduled) throw new Error(`no job named ${name}`);
    while (scheduled.running) await scheduled.running.catch(() => undefined);
    if (this.stopped) return false;
    const pass = this.pass(scheduled.job);
    scheduled.running = pass;
    return pass.finally(() => (scheduled.running = undefined));
  }

  private schedule(scheduled: Scheduled): void {
    const { name, everyMs } = scheduled.job;
    const attempt = () => {
      this.runNow(name).catch((error: unknown) =>
        this.logger.warn({ err: error, job: name }, 'job pass failed; the next period tries again'),
      );
    };
    scheduled.timer = setInterval(attempt, Math.min(everyMs, MAX_TRY_EVERY_MS));
    scheduled.timer.unref();
    attempt();
  }

  private async pass(job: LeasedJob): Promise<boolean> {
    const now = this.clock.now();
    if (!(await this.acquire(job, now))) return false;
    await job.run(now);
    return true;
  }

  /**
   * Deliberately not "or the owner is me": the holder of the current period has already run it,
   * and taking the lease to the end of the period leaves nothing to renew.
   */
  private async acquire(job: LeasedJob, now: Date): Promise<boolean> {
    try {
      const lease = await this.leases
        .findOneAndUpdate(
          { _id: job.name, leaseUntil: { $lte: now } },
          { $set: { owner: this.owner, leaseUntil: leasePeriod(now, job.everyMs).end } },
          { upsert: true, returnDocument: 'after' },
        )
        .lean();
      return lease?.owner === this.owner;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
