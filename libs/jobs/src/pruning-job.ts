import { Logger } from '@nestjs/common';
import type { LeasedJob } from './leased-job';
import { retentionCutoff } from './retention';

/** Retention windows are days long: pruning once an hour keeps state bounded without load. */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * A leased job that deletes what has outlived its retention window (FerretDB has no TTL
 * indexes). `prune` gets the cutoff and returns how many records it deleted. Every bounded
 * collection registers one the same way from a provider's `onModuleInit`, e.g.
 * `jobs.register(pruningJob('idempotency-records', days, (cutoff) => deleteOlderThan(cutoff)))`.
 */
export function pruningJob(
  name: string,
  retentionDays: number,
  prune: (cutoff: Date) => Promise<number>,
): LeasedJob {
  const logger = new Logger(name);
  return {
    name,
    everyMs: PRUNE_EVERY_MS,
    async run(now) {
      const cutoff = retentionCutoff(now, retentionDays);
      const deleted = await prune(cutoff);
      if (deleted > 0) logger.log({ deleted, cutoff: cutoff.toISOString() }, 'pruned');
    },
  };
}
