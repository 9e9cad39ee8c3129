import { Schema } from 'mongoose';

export const JOB_LEASE_MODEL = 'JobLease';

/** Who runs a job in the current period: one document per job name. */
export interface JobLease {
  _id: string;
  owner: string;
  leaseUntil: Date;
}

export const JobLeaseSchema = new Schema<JobLease>(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
  },
  { collection: 'job_leases', versionKey: false },
);
