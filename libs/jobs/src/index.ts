export * from './leased-job';
export * from './leased-jobs';
export * from './jobs.module';
export * from './lease-period';
export * from './retention';
export * from './pruning-job';
export * from './job-lease.schema';
