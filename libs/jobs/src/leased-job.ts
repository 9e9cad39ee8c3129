/**
 * Periodic work that exactly one replica of a service does per period (pruning, repairs). A pass
 * must be idempotent: a pass that overruns its period may overlap the next period's pass.
 */
export interface LeasedJob {
  /** Unique within the service; also the `_id` of its lease in `job_leases`. */
  name: string;
  everyMs: number;
  run(now: Date): Promise<void>;
}
