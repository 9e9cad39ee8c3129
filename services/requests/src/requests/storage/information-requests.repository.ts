import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem, type RequestStatus } from '@lers/contracts';
import { OutboxWriter, type OutboxEvent } from '@lers/messaging';
import {
  afterPosition,
  decodeCursor,
  encodeCursor,
  officerFilter,
  type OfficerScope,
  type StaffScope,
} from '@lers/persistence';
import { INFORMATION_REQUEST_MODEL, type InformationRequestDocument } from './information-request.schema';

type Stored = InformationRequestDocument;
export type NewRequest = Omit<Stored, 'outbox' | 'outboxPending' | 'revision'>;

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** What a change decides, given the request as stored. */
export interface RequestChange<Result> {
  changes: Partial<Stored>;
  events: OutboxEvent[];
  result: (updated: Stored) => Result;
}

const MAX_WRITE_ATTEMPTS = 5;
/** Requests staff work on: a draft is the officer's alone. */
const STAFF_VISIBLE: RequestStatus[] = [
  'submitted',
  'in_review',
  'info_requested',
  'approved',
  'rejected',
  'withdrawn',
  'disclosed',
  'closed',
];

/**
 * The only way to requests for information. Officer-side methods take an `OfficerScope` and put it
 * in the query itself, so another agency's (or another officer's) request is simply not found: 404,
 * whether the id exists or not.
 */
@Injectable()
export class InformationRequests {
  constructor(
    @InjectModel(INFORMATION_REQUEST_MODEL) private readonly model: Model<Stored>,
    private readonly outbox: OutboxWriter,
  ) {}

  insert(request: NewRequest, events: OutboxEvent[]) {
    return this.outbox.insert(this.model, request, events);
  }

  async ofOfficer(scope: OfficerScope, id: string): Promise<Stored> {
    return found(await this.model.findOne({ _id: id, ...officerFilter(scope) }).lean<Stored>());
  }

  async forStaff(_scope: StaffScope, id: string): Promise<Stored> {
    return found(await this.model.findOne({ _id: id, status: { $in: STAFF_VISIBLE } }).lean<Stored>());
  }

  /** For events and links that carry a request id the service itself issued. */
  async bySystem(id: string): Promise<Stored | null> {
    return this.model.findOne({ _id: id }).lean<Stored>();
  }

  async byConfirmationTokenHash(tokenHash: string): Promise<Stored | null> {
    return this.model.findOne({ confirmationTokenHash: tokenHash }).lean<Stored>();
  }

  /** The officer's requests, newest first. */
  async listOfOfficer(scope: OfficerScope, page: PageRequest, status?: RequestStatus) {
    const filter = {
      ...officerFilter(scope),
      ...(status ? { status } : {}),
      ...afterPosition('createdAt', decodeCursor(page.cursor), -1),
    };
    const rows = await this.model
      .find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .limit(page.limit + 1)
      .lean<Stored[]>();
    return pageOf(rows, page.limit, (row) => row.createdAt);
  }

  /** The staff queue: soonest due first (overdue ones lead). */
  async queue(_scope: StaffScope, page: PageRequest, statuses: RequestStatus[]) {
    const filter = {
      status: { $in: statuses.filter((status) => STAFF_VISIBLE.includes(status)) },
      ...afterPosition('dueBy', decodeCursor(page.cursor), 1),
    };
    const rows = await this.model
      .find(filter)
      .sort({ dueBy: 1, _id: 1 })
      .limit(page.limit + 1)
      .lean<Stored[]>();
    return pageOf(rows, page.limit, (row) => row.dueBy ?? new Date(0));
  }

  /**
   * Read, decide, write if nobody wrote in between (revision guard), else read again and decide
   * anew: concurrent moves on one request serialise, and a refused move changes nothing.
   */
  async change<Result>(
    load: () => Promise<Stored>,
    decide: (current: Stored) => RequestChange<Result> | Promise<RequestChange<Result>>,
  ): Promise<Result> {
    for (let attempt = 1; ; attempt++) {
      const current = await load();
      const { changes, events, result } = await decide(current);
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
          'The request changed while this was being applied; try again.',
        );
      }
    }
  }
}

function found(request: Stored | null): Stored {
  if (!request) throw Problem.notFound('request');
  return request;
}

function pageOf(rows: Stored[], limit: number, keyOf: (row: Stored) => Date) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ at: keyOf(last).getTime(), id: last._id }) : null;
  return { items, nextCursor };
}
