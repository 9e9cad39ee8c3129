export interface AuditOptions {
  /** The service whose trail this is (the actor of jobs and event handlers). */
  service: string;
  /** Mongoose models whose documents carry `auditFields` and a `revision`. */
  auditedModels: string[];
  /** How often the appender scans for intents a crash left queued (default 1000 ms). */
  pollMs?: number;
}

export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');
