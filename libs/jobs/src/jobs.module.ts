import { type DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JOB_LEASE_MODEL, JobLeaseSchema } from './job-lease.schema';
import { LeasedJobs } from './leased-jobs';

@Module({})
export class JobsModule {
  /** `LeasedJobs` for the whole service, its leases in the service's own database. */
  static forService(): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [MongooseModule.forFeature([{ name: JOB_LEASE_MODEL, schema: JobLeaseSchema }])],
      providers: [LeasedJobs],
      exports: [LeasedJobs],
    };
  }
}
