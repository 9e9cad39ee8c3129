import { Inject, Injectable } from '@nestjs/common';
import type { Model, UpdateQuery } from 'mongoose';
import type { EventPayload, EventType } from '@lers/contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { newEvent, type OutboxEvent, type WithOutbox } from './outbox-event';
import { OutboxRelay } from './outbox-relay';

/**
 * Writes a state change and the events it causes in ONE single-document write, then hands them
 * to the relay to publish. No multi-document transaction is needed, so no event is lost or invented on a crash.
 */
@Injectable()
export class OutboxWriter {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly relay: OutboxRelay,
  ) {}

  event<T extends EventType>(type: T, key: string, payload: EventPayload<T>, occurredAt?: Date): OutboxEvent {
    return newEvent(this.options.service, type, key, payload, occurredAt);
  }

  async insert<Doc extends WithOutbox>(
    model: Model<Doc>,
    document: Omit<Doc, keyof WithOutbox>,
    events: OutboxEvent[],
  ) {
    const created = await model.create({
      ...document,
      outbox: events,
      outboxPending: events.length > 0,
      revision: 1,
    } as Doc);
    if (events.length) {
      this.relay.publishWritten(model, {
        _id: created._id,
        revision: 1,
        outbox: events,
        outboxPending: true,
      });
    }
    return created;
  }

  /**
   * Applies `changes` only if the document is still at `expectedRevision`; returns the updated
   * document, or null when it moved on (or does not match `filter`) and nothing was written.
   */
  async update<Doc extends WithOutbox>(
    model: Model<Doc>,
    filter: Record<string, unknown> & { _id: unknown },
    expectedRevision: number,
    changes: Record<string, unknown>,
    events: OutboxEvent[],
  ) {
    const update = {
      $set: { ...changes, ...(events.length ? { outboxPending: true } : {}) },
      $inc: { revision: 1 },
      ...(events.length ? { $push: { outbox: { $each: events } } } : {}),
    } as UpdateQuery<Doc>;
    const updated = await model
      .findOneAndUpdate({ ...filter, revision: expectedRevision }, update, { returnDocument: 'after' })
      .lean<Doc>();
    if (updated && events.length) this.relay.publishWritten(model, updated as Doc & { _id: unknown });
    return updated;
  }
}
