import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem } from '@lers/contracts';
import { decodeCursor, encodeCursor, isDuplicateKey } from '@lers/persistence';
import { ChainVerifier, chainEntry, type ChainVerdict } from './domain/audit-chain';
import { GENESIS_HASH, type AuditEntry, type AuditIntent } from './domain/audit-entry';
import {
  AUDIT_ENTRY_MODEL,
  AUDIT_HEAD_MODEL,
  type AuditHead,
  type StoredAuditEntry,
} from './audit-entry.schema';

export interface AuditQuery {
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

const HEAD = 'head';
/** Enough to get past every writer that could be ahead at once; a chain never waits on one writer. */
const MAX_APPEND_ATTEMPTS = 1000;

/**
 * The service's append-only chain (`audit_entries`). An append is ONE insert, and the unique
 * indexes make it the commit point: `_id` = the intent's id (appending again changes nothing)
 * and `seq` (two writers that chose the same place: one wins, the other moves past it). The head
 * document is moved forward after the insert with a guarded update (`seq < n`); it only says where
 * to start looking, so a crash between insert and head update leaves no gap, just a lagging head.
 * There is deliberately no update or delete of an entry anywhere in this library.
 */
@Injectable()
export class AuditLog implements OnModuleInit {
  constructor(
    @InjectModel(AUDIT_ENTRY_MODEL) private readonly entries: Model<StoredAuditEntry>,
    @InjectModel(AUDIT_HEAD_MODEL) private readonly heads: Model<AuditHead>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.heads.collection
      .insertOne({ _id: HEAD, seq: 0, hash: GENESIS_HASH } as never)
      .catch((error) => {
        if (!isDuplicateKey(error)) throw error;
      });
  }

  async append(intent: AuditIntent): Promise<AuditEntry> {
    const existing = await this.byIntent(intent.id);
    if (existing) return existing;
    let tip = await this.tipFrom(await this.head());
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      const entry = chainEntry(intent, tip.seq === 0 ? null : tip);
      try {
        await this.entries.collection.insertOne({ _id: intent.id, ...entry } as never);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const appended = await this.byIntent(intent.id);
        if (appended) return appended;
        tip = await this.tipFrom(tip);
        continue;
      }
      await this.heads.updateOne(
        { _id: HEAD, seq: { $lt: entry.seq } },
        { $set: { seq: entry.seq, hash: entry.hash } },
      );
      return entry;
    }
    throw new Problem(503, 'service_unavailable', 'The audit trail is too busy; please retry.');
  }

  async list(query: AuditQuery) {
    const position = decodeCursor(query.cursor);
    const range = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lt: query.to } : {}) };
    const filter = {
      ...(query.entityId ? { 'entity.id': query.entityId } : {}),
      ...(query.actorId ? { 'actor.id': query.actorId } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.from || query.to ? { at: range } : {}),
      ...(position ? { seq: { $lt: position.at } } : {}),
    };
    const rows = await this.entries
      .find(filter)
      .sort({ seq: -1 })
      .limit(query.limit + 1)
      .lean<StoredAuditEntry[]>();
    const items = rows.slice(0, query.limit).map(withoutId);
    const last = items.at(-1);
    const nextCursor =
      rows.length > query.limit && last ? encodeCursor({ at: last.seq, id: String(last.seq) }) : null;
    return { items, nextCursor };
  }

  /** Every entry in chain order, streamed (exports and verification never hold the chain in memory). */
  async *inOrder(): AsyncGenerator<AuditEntry> {
    for await (const row of this.entries.collection.find({}).sort({ seq: 1 })) {
      yield withoutId(row as unknown as StoredAuditEntry);
    }
  }

  async verify(): Promise<ChainVerdict & { head: { seq: number; hash: string } }> {
    const head = await this.head();
    const verifier = new ChainVerifier(head);
    for await (const entry of this.inOrder()) if (!verifier.push(entry)) break;
    return { ...verifier.finish(), head };
  }

  async head(): Promise<{ seq: number; hash: string }> {
    const head = await this.heads.findById(HEAD).lean<AuditHead>();
    return head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /** From a known entry, the actual end of the chain (the head may lag behind concurrent appends). */
  private async tipFrom(known: { seq: number; hash: string }) {
    let tip = known;
    for (;;) {
      const next = await this.entries.collection.findOne({ seq: tip.seq + 1 });
      if (!next) return tip;
      tip = { seq: next.seq as number, hash: next.hash as string };
    }
  }

  private async byIntent(id: string): Promise<AuditEntry | null> {
    const row = await this.entries.collection.findOne({ _id: id as never });
    return row ? withoutId(row as unknown as StoredAuditEntry) : null;
  }
}

function withoutId(row: StoredAuditEntry): AuditEntry {
  const { _id: _ignored, ...entry } = row;
  return entry;
}
