import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { AuditLog } from './audit-log';
import { AUDIT_OPTIONS, type AuditOptions } from './audit-options';
import type { WithAuditQueue } from './audit-queue';

type Queued = WithAuditQueue & { _id: unknown; revision: number };

const BATCH = 100;

/**
 * Moves queued intents from audited aggregates into the chain, then empties the queue with a
 * write guarded by the revision it read (a change made meanwhile keeps its own intents). An
 * intent appended twice (crash between append and clear, or a clear that lost to a change) is
 * one entry: the chain is keyed by intent id. Writers hand over what they wrote for low latency;
 * a timer scan recovers the rest.
 */
@Injectable()
export class AuditAppender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditAppender.name);
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private readonly handovers = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
    @InjectConnection() private readonly connection: Connection,
    private readonly log: AuditLog,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.drain(), this.options.pollMs ?? 1000);
    this.timer.unref();
    void this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.allSettled([...this.handovers, this.pass]);
  }

  /** The document as just written (its `revision` and whole `auditPending`). Never throws. */
  handover(model: Model<never>, document: Partial<Queued> & { _id: unknown }): void {
    if (this.stopped || !document.auditPending?.length) return;
    const work: Promise<void> = this.appendAndClear(model as unknown as Model<Queued>, document as Queued)
      .catch((error: unknown) => this.logger.warn({ err: error }, 'audit append failed; the scan will retry'))
      .finally(() => this.handovers.delete(work));
    this.handovers.add(work);
  }

  /** Appends everything queued now; resolves when done (tests use it). One pass at a time. */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.pass ??= this.scan().finally(() => (this.pass = undefined));
    return this.pass;
  }

  private async scan(): Promise<void> {
    try {
      for (const name of this.options.auditedModels) {
        const model = this.connection.model<Queued>(name);
        for (;;) {
          const queued = await model.find({ auditQueued: true }).limit(BATCH).lean<Queued[]>();
          for (const document of queued) await this.appendAndClear(model, document);
          if (queued.length < BATCH) break;
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'audit scan failed; will retry');
    }
  }

  private async appendAndClear(model: Model<Queued>, document: Queued): Promise<void> {
    for (const intent of document.auditPending) await this.log.append(intent);
    await model.collection.updateOne(
      { _id: document._id as never, revision: document.revision, auditQueued: true },
      { $set: { auditPending: [], auditQueued: false } },
    );
  }
}
