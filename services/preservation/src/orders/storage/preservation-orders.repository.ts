import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
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
export type NewOrder = Omit<Stored, 'outbox' | 'outboxPending' | 'revision'>;

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
  ) {}

  insert(order: NewOrder, events: OutboxEvent[]) {
    return this.outbox.insert(this.model, order, events);
  }

  async ofOfficer(scope: OfficerScope, id: string): Promise<Stored> {
    return found(await this.model.findOne({ _id: id, ...officerFilter(scope) }).lean<Stored>());
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
    load: () => Promise<Stored>,
    decide: (current: Stored) => OrderChange<Result>,
  ): Promise<Result> {
    for (let attempt = 1; ; attempt++) {
      const current = await load();
      const { changes, events, result } = decide(current);
      if (Object.keys(changes).length === 0 && events.length === 0) return result(current);
      const updated = await this.outbox.update(
        this.model,
        { _id: current._id },
        current.revision,
        changes,
        events,
      );
      if (updated) return result(updated as Stored);
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

function found(order: Stored | null): Stored {
  if (!order) throw Problem.notFound('preservation order');
  return order;
}
