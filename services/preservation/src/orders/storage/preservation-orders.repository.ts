import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AuditTrail, type AuditValue } from '@lers/audit';
import { Problem, type PreservationStatus } from '@lers/contracts';
import { OutboxWriter, type OutboxEvent } from '@lers/messaging';
import {
  afterPosition,
  decodeCursor,
  encodeCursor,
  officerFilter,
  type OfficerScope,
  type StaffScope,
} from '@lers/persistence';
import { PRESERVATION_ORDER_MODEL, type PreservationOrderDocument } from './preservation-order.schema';

type Stored = PreservationOrderDocument;
export type NewOrder = Omit<Stored, 'outbox' | 'outboxPending' | 'revision' | 'auditPending' | 'auditQueued'>;

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** What a change decides, given the order as stored; null when nothing is to be written. */
export interface OrderChange<Result> {
  changes: Partial<Stored>;
  events: OutboxEvent[];
  result: (updated: Stored) => Result;
}

const MAX_WRITE_ATTEMPTS = 5;
/** One sweep handles at most this many orders; the next period takes the rest. */
const SWEEP_BATCH = 500;

/**
 * The only way to preservation orders. Officer-side methods take an `OfficerScope` and put it in
 * the query itself, so another agency's (or officer's) order is simply not found: 404.
 */
@Injectable()
export class PreservationOrders {
  constructor(
    @InjectModel(PRESERVATION_ORDER_MODEL) private readonly model: Model<Stored>,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
  ) {}

  /** The new order and its audit intent are one write, like every change below. */
  async insert(order: NewOrder, events: OutboxEvent[]) {
    const intent = this.audit.intent('preservation.create', entityOf(order), {
      details: { to: order.status, instrument: order.instrument },
    });
    const created = await this.outbox.insert(
      this.model,
      { ...order, ...this.audit.queue(null, intent) },
      events,
    );
    this.audit.written(this.model as never, created.toObject() as Stored);
    return created;
  }

  /** Another officer's or agency's order is 404, and the attempt is audited as `denied`. */
  async ofOfficer(scope: OfficerScope, id: string): Promise<Stored> {
    const order = await this.model.findOne({ _id: id, ...officerFilter(scope) }).lean<Stored>();
    if (!order) {
      await this.audit.record(
        'preservation.access',
        { type: 'preservation', id },
        {
          outcome: 'denied',
          details: { reason: 'not_found_in_officer_scope' },
        },
      );
    }
    return found(order);
  }

  /** A read of an order's contents: recorded before it leaves. */
  recordRead(action: string, order: Pick<Stored, '_id'>) {
    return this.audit.record(action, entityOf(order));
  }

  /** What the transparency figures need of the orders received in [from, to). */
  receivedBetween(from: Date, to: Date) {
    return this.model
      .find({ receivedAt: { $gte: from, $lt: to } })
      .select({ status: 1, instrument: 1, jurisdiction: 1, receivedAt: 1, endedAt: 1 })
      .lean<Pick<Stored, 'status' | 'instrument' | 'jurisdiction' | 'receivedAt' | 'endedAt'>[]>();
  }

  async forStaff(_scope: StaffScope, id: string): Promise<Stored> {
    return found(await this.model.findOne({ _id: id }).lean<Stored>());
  }

  /** For events and sweeps that carry an id the service itself issued. */
  bySystem(id: string): Promise<Stored | null> {
    return this.model.findOne({ _id: id }).lean<Stored>();
  }

  /** Newest first, the officer's own. */
  listOfOfficer(scope: OfficerScope, page: PageRequest, status?: PreservationStatus) {
    return this.page({ ...officerFilter(scope), ...(status ? { status } : {}) }, page);
  }

  listForStaff(_scope: StaffScope, page: PageRequest, status?: PreservationStatus) {
    return this.page(status ? { status } : {}, page);
  }

  /** Active orders holding a subject (by `holdKeyOf`), whatever agency placed them. */
  holding(_scope: StaffScope, holdKey: string): Promise<Stored[]> {
    return this.model
      .find({ status: 'active', holdKeys: holdKey })
      .sort({ receivedAt: 1, _id: 1 })
      .limit(1000)
      .lean<Stored[]>();
  }

  /** Active orders whose end falls before `before`: due for expiry or for a reminder. */
  endingBefore(before: Date): Promise<Stored[]> {
    return this.model
      .find({ status: 'active', preservedUntil: { $lte: before } })
      .sort({ preservedUntil: 1, _id: 1 })
      .limit(SWEEP_BATCH)
      .lean<Stored[]>();
  }

  /** Ended orders whose evidence is still under legal hold (a lift that failed is retried). */
  endedWithEvidenceHeld(): Promise<Stored[]> {
    return this.model
      .find({ status: { $ne: 'active' }, evidenceHeld: true })
      .limit(SWEEP_BATCH)
      .lean<Stored[]>();
  }

  /**
   * Read, decide, write if nobody wrote in between (revision guard), else read again and decide
   * anew: concurrent moves on one order serialise, and a refused move changes nothing.
   */
  async change<Result>(
    action: string,
    load: () => Promise<Stored>,
    decide: (current: Stored) => OrderChange<Result>,
  ): Promise<Result> {
    for (let attempt = 1; ; attempt++) {
      const current = await load();
      const { changes, events, result } = decide(current);
      if (Object.keys(changes).length === 0 && events.length === 0) return result(current);
      const to = changes.status ?? current.status;
      const details: { [key: string]: AuditValue } =
        to !== current.status ? { from: current.status, to } : { status: current.status };
      const intent = this.audit.intent(action, entityOf(current), { details });
      const updated = await this.outbox.update(
        this.model,
        { _id: current._id },
        current.revision,
        { ...changes, ...this.audit.queue(current, intent) },
        events,
      );
      if (updated) {
        this.audit.written(this.model as never, updated as Stored);
        return result(updated as Stored);
      }
      if (attempt >= MAX_WRITE_ATTEMPTS) {
        throw new Problem(
          409,
          'concurrent_update',
          'The preservation order changed while this was being applied; try again.',
        );
      }
    }
  }

  private async page(filter: Record<string, unknown>, page: PageRequest) {
    const rows = await this.model
      .find({ ...filter, ...afterPosition('receivedAt', decodeCursor(page.cursor), -1) })
      .sort({ receivedAt: -1, _id: -1 })
      .limit(page.limit + 1)
      .lean<Stored[]>();
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    const nextCursor =
      rows.length > page.limit && last ? encodeCursor({ at: last.receivedAt.getTime(), id: last._id }) : null;
    return { items, nextCursor };
  }
}

const entityOf = (order: Pick<Stored, '_id'>) => ({ type: 'preservation', id: order._id });

function found(order: Stored | null): Stored {
  if (!order) throw Problem.notFound('preservation order');
  return order;
}
