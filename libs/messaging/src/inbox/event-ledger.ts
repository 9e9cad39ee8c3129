import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection, type WriteError } from 'mongodb';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@lers/contracts';
import { isDuplicateKey } from '@lers/persistence';
import { claimableBy, LEASE_MS, leaseVerdict } from './event-lease';
import { GroupCommit } from './group-commit';
import type { ProcessedEvent } from './processed-event.schema';

interface Done {
  event: EventEnvelope;
  /** Whether this consumer holds a lease entry for it (else the entry usually does not exist). */
  leased: boolean;
}

export type Claim =
  | { kind: 'claimed'; failures: number; lastError: string | null }
  | { kind: 'done' }
  | { kind: 'held'; by: string; remainingMs: number };

/**
 * One consumer instance's view of its group's ledger (`processed_events`): claims events under a
 * lease, records them done, counts a handler's failures. New claims and done marks from messages
 * handled at the same time share one round trip (GroupCommit); the rarer paths are single writes.
 */
export class EventLedger {
  private readonly claims: GroupCommit<ProcessedEvent, boolean>;
  private readonly dones: GroupCommit<Done, void>;

  constructor(
    private readonly model: Model<ProcessedEvent>,
    private readonly consumer: string,
    /** This consumer instance: the lease holder's name. */
    readonly owner: string,
  ) {
    this.claims = new GroupCommit((entries) => this.insertNew(entries));
    this.dones = new GroupCommit((events) => this.markDone(events));
  }

  /** The driver's collection: batched writes skip mongoose's per-document work (the entries are ours). */
  private get collection(): Collection<ProcessedEvent> {
    return this.model.collection as unknown as Collection<ProcessedEvent>;
  }

  idOf(event: Pick<EventEnvelope, 'id'>): string {
    return `${this.consumer}:${event.id}`;
  }

  /** Takes the event's lease if the lease rule allows (atomic: two claimants never both win). */
  async claim(event: EventEnvelope, now = new Date()): Promise<Claim> {
    const _id = this.idOf(event);
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    const inserted = await this.claims.submit({
      _id,
      consumer: this.consumer,
      eventId: event.id,
      type: event.type,
      status: 'processing',
      at: now,
      owner: this.owner,
      leaseUntil,
      failures: 0,
      lastError: null,
    });
    if (inserted) return { kind: 'claimed', failures: 0, lastError: null };

    const taken = await this.model
      .findOneAndUpdate(
        { _id, ...claimableBy(this.owner, now) },
        { $set: { owner: this.owner, leaseUntil, at: now } },
        { returnDocument: 'after' },
      )
      .lean<ProcessedEvent>();
    if (taken) return { kind: 'claimed', failures: taken.failures ?? 0, lastError: taken.lastError ?? null };

    const entry = await this.model.findById(_id).lean<ProcessedEvent>();
    const verdict = leaseVerdict(entry, this.owner, now);
    // Claimable now means the holder let go between our two reads: look again very soon.
    if (verdict.kind === 'claimable')
      return { kind: 'held', by: 'a consumer that just let go', remainingMs: 0 };
    return verdict;
  }

  /**
   * Final: the event is applied for this group. A leased event's entry is updated; a
   * `keyedByEventId` one usually has none yet, and an insert is far cheaper than an upsert.
   */
  done(event: EventEnvelope, leased: boolean): Promise<void> {
    return this.dones.submit({ event, leased });
  }

  /**
   * Counts a non-transient handler failure and lets go of the lease, so the next try (ours or
   * another consumer's) may claim it at once. Returns the count, or 'done' if the event was
   * applied by another consumer meanwhile.
   */
  async recordFailure(event: EventEnvelope, reason: string, now = new Date()): Promise<number | 'done'> {
    const entry = await this.model
      .findOneAndUpdate(
        { _id: this.idOf(event) },
        {
          $inc: { failures: 1 },
          $set: { leaseUntil: now, lastError: reason.slice(0, 2000), at: now },
          $setOnInsert: {
            consumer: this.consumer,
            eventId: event.id,
            type: event.type,
            status: 'processing',
            owner: this.owner,
          },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<ProcessedEvent>();
    if (entry?.status === 'done') return 'done';
    return entry?.failures ?? 1;
  }

  /** Lets go of our lease early (best effort: it runs out by itself anyway). */
  async release(event: EventEnvelope, now = new Date()): Promise<void> {
    await this.model.updateOne(
      { _id: this.idOf(event), owner: this.owner, status: 'processing' },
      { $set: { leaseUntil: now } },
    );
  }

  /** Removes a parked event's entry, so a replay from the dead-letter topic is applied afresh. */
  async forget(event: EventEnvelope): Promise<void> {
    await this.model.deleteOne({ _id: this.idOf(event), status: 'processing' });
  }

  /** true: inserted (claimed); false: an entry exists. */
  private async insertNew(entries: ProcessedEvent[]): Promise<(boolean | Error)[]> {
    try {
      await this.collection.insertMany(entries, { ordered: false });
      return entries.map(() => true);
    } catch (error) {
      const writeErrors = perDocumentErrors(error);
      if (!writeErrors) throw error;
      const failed = new Map(writeErrors.map((writeError) => [writeError.index, writeError]));
      return entries.map((_, index) => {
        const writeError = failed.get(index);
        if (!writeError) return true;
        return isDuplicateKey(writeError) ? false : new Error(writeError.errmsg ?? 'ledger insert failed');
      });
    }
  }

  private async markDone(dones: Done[]): Promise<void[]> {
    const at = new Date();
    const fresh = dones.filter((done) => !done.leased).map(({ event }) => event);
    const inserted = fresh.length > 0 ? await this.insertDone(fresh, at) : [];
    const existing = [
      ...dones.filter((done) => done.leased).map(({ event }) => event),
      ...fresh.filter((_, index) => !inserted[index]),
    ];
    if (existing.length > 0) await this.updateDone(existing, at);
    return dones.map(() => undefined);
  }

  /** true: inserted; false: an entry exists (a failure record, or a redelivered event). */
  private async insertDone(events: EventEnvelope[], at: Date): Promise<boolean[]> {
    const entries = events.map((event) => ({
      _id: this.idOf(event),
      consumer: this.consumer,
      eventId: event.id,
      type: event.type,
      status: 'done' as const,
      at,
      owner: this.owner,
      leaseUntil: null,
      failures: 0,
      lastError: null,
    }));
    const results = await this.insertNew(entries);
    return results.map((result) => {
      if (result instanceof Error) throw result;
      return result;
    });
  }

  private async updateDone(events: EventEnvelope[], at: Date): Promise<void> {
    const operations: AnyBulkWriteOperation<ProcessedEvent>[] = events.map((event) => ({
      updateOne: {
        filter: { _id: this.idOf(event) },
        update: {
          $set: { status: 'done', at, leaseUntil: null },
          $setOnInsert: { consumer: this.consumer, eventId: event.id, type: event.type, owner: this.owner },
        },
        upsert: true,
      },
    }));
    try {
      await this.collection.bulkWrite(operations, { ordered: false });
    } catch (error) {
      // Two upserts of one id racing: the other inserted it, as done too.
      const writeErrors = perDocumentErrors(error);
      if (!writeErrors?.every((writeError) => isDuplicateKey(writeError))) throw error;
    }
  }
}

/**
 * The documents a bulk write refused, when that is all that went wrong. The driver also throws
 * MongoBulkWriteError, with no write errors, for a failure of the whole batch (the connection
 * dropped, a write concern not met): nothing can then be said per document.
 */
function perDocumentErrors(error: unknown): WriteError[] | undefined {
  if (!(error instanceof MongoBulkWriteError)) return undefined;
  const writeErrors = [error.writeErrors].flat().filter((writeError) => writeError !== undefined);
  if (writeErrors.length === 0 || error.result?.getWriteConcernError() !== undefined) return undefined;
  return writeErrors;
}
