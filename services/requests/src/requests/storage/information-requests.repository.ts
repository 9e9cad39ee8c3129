import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AuditTrail, type AuditIntent, type AuditValue } from '@lers/audit';
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
export type NewRequest = Omit<
  Stored,
  'outbox' | 'outboxPending' | 'revision' | 'auditPending' | 'auditQueued'
>;

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** What a change decides, given the request as stored. */
export interface RequestChange<Result> {
  changes: Partial<Stored>;
  events: OutboxEvent[];
  result: (updated: Stored) => Result;
  /** What the audit entry adds to the status move (never secrets). */
  auditDetails?: { [key: string]: AuditValue };
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
    private readonly audit: AuditTrail,
  ) {}

  /** The new request and its audit intent are one write, like every change below. */
  async insert(request: NewRequest, events: OutboxEvent[], action: string) {
    const intent = this.audit.intent(action, entityOf(request), { details: { to: request.status } });
    const created = await this.outbox.insert(
      this.model,
      { ...request, ...this.audit.queue(null, intent) },
      events,
    );
    this.audit.written(this.model as never, created.toObject() as Stored);
    return created;
  }

  /**
   * Another officer's or agency's request is 404 (whether it exists or not), and the attempt is
   * audited as `denied`: a cross-agency probe leaves a trace.
   */
  async ofOfficer(scope: OfficerScope, id: string): Promise<Stored> {
    const request = await this.model.findOne({ _id: id, ...officerFilter(scope) }).lean<Stored>();
    if (!request) {
      await this.audit.record(
        'request.access',
        { type: 'request', id },
        {
          outcome: 'denied',
          details: { reason: 'not_found_in_officer_scope' },
        },
      );
    }
    return found(request);
  }

  /** A read of a request's contents (case file, documents, disclosures): recorded before it leaves. */
  recordRead(action: string, request: Pick<Stored, '_id'>, details: { [key: string]: AuditValue } = {}) {
    return this.audit.record(action, entityOf(request), { details });
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

  /** What the transparency figures need of the requests received (submitted) in [from, to). */
  async receivedBetween(from: Date, to: Date) {
    return this.model
      .find({ submittedAt: { $gte: from, $lt: to } })
      .select({
        status: 1,
        processType: 1,
        jurisdiction: 1,
        emergency: 1,
        submittedAt: 1,
        decidedAt: 1,
        history: 1,
      })
      .lean<
        Pick<
          Stored,
          'status' | 'processType' | 'jurisdiction' | 'emergency' | 'submittedAt' | 'decidedAt' | 'history'
        >[]
      >();
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
    action: string,
    load: () => Promise<Stored>,
    decide: (current: Stored) => RequestChange<Result> | Promise<RequestChange<Result>>,
  ): Promise<Result> {
    for (let attempt = 1; ; attempt++) {
      const current = await load();
      const { changes, events, result, auditDetails } = await decide(current);
      // A retry that changes nothing (a replayed keyed command) is not a second action.
      const audited = Object.keys(changes).length > 0 || events.length > 0;
      const intents: AuditIntent[] = audited ? [this.intentOf(action, current, changes, auditDetails)] : [];
      const updated = await this.outbox.update(
        this.model,
        { _id: current._id },
        current.revision,
        audited ? { ...changes, ...this.audit.queue(current, ...intents) } : changes,
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
          'The request changed while this was being applied; try again.',
        );
      }
    }
  }

  private intentOf(
    action: string,
    current: Stored,
    changes: Partial<Stored>,
    details: { [key: string]: AuditValue } = {},
  ) {
    const to = changes.status ?? current.status;
    const move: { [key: string]: AuditValue } =
      to !== current.status ? { from: current.status, to } : { status: current.status };
    return this.audit.intent(action, entityOf(current), { details: { ...move, ...details } });
  }
}

const entityOf = (request: Pick<Stored, '_id'>) => ({ type: 'request', id: request._id });

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
