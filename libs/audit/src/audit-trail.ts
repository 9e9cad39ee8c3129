import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { Clock } from '@lers/clock';
import { currentCorrelationId } from '@lers/observability';
import { currentAuditContext } from './audit-context';
import { AuditAppender } from './audit-appender';
import { AuditLog } from './audit-log';
import { AUDIT_OPTIONS, type AuditOptions } from './audit-options';
import { queueAudit, type WithAuditQueue } from './audit-queue';
import type { AuditActor, AuditEntry, AuditIntent, AuditOutcome, AuditValue } from './domain/audit-entry';

export interface IntentOptions {
  outcome?: AuditOutcome;
  details?: { [key: string]: AuditValue };
  /** Who acted, when it is not the caller in the context (e.g. the account a failed log-in names). */
  actor?: Partial<AuditActor>;
}

/**
 * What services use. A state change queues its intent in its own write (`intent` + `queue`, then
 * `written`); a read or a denial, which changes nothing, is recorded straight away (`record`)
 * before the data leaves.
 */
@Injectable()
export class AuditTrail {
  constructor(
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
    private readonly clock: Clock,
    private readonly log: AuditLog,
    private readonly appender: AuditAppender,
  ) {}

  get service(): string {
    return this.options.service;
  }

  intent(action: string, entity: { type: string; id: string }, options: IntentOptions = {}): AuditIntent {
    const context = currentAuditContext(this.options.service);
    return {
      id: randomUUID(),
      at: this.clock.now().toISOString(),
      actor: { ...context.actor, ...options.actor },
      action,
      outcome: options.outcome ?? 'success',
      entity: { type: entity.type, id: entity.id },
      ip: context.ip,
      userAgent: context.userAgent,
      correlationId: currentCorrelationId() ?? null,
      details: options.details ?? {},
    };
  }

  /** The `$set` fields that put intents in the same write as the change they describe. */
  queue(stored: Partial<WithAuditQueue> | null, ...intents: AuditIntent[]): WithAuditQueue {
    return queueAudit(stored, ...intents);
  }

  /** After the write: append its queued intents now (the scan would, a moment later). */
  written(model: Model<never>, document: Partial<WithAuditQueue & { revision: number }> & { _id: unknown }) {
    this.appender.handover(model, document);
  }

  record(
    action: string,
    entity: { type: string; id: string },
    options: IntentOptions = {},
  ): Promise<AuditEntry> {
    return this.log.append(this.intent(action, entity, options));
  }
}
