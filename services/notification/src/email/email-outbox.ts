import { Clock } from '@lers/clock';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@lers/contracts';
import { EmailDispatcher } from './email-dispatcher';
import { OUTGOING_EMAIL_MODEL, type OutgoingEmail } from './outgoing-email.schema';
import type { RenderedEmail } from './templates/rendered-email';
import { isDuplicateKey } from '@lers/persistence';

/**
 * Queues the e-mail an event causes, at most once per (event, template), then wakes the dispatcher.
 * Resolves false when that e-mail was already queued.
 */
@Injectable()
export class EmailOutbox {
  constructor(
    private readonly clock: Clock,
    @InjectModel(OUTGOING_EMAIL_MODEL) private readonly emails: Model<OutgoingEmail>,
    private readonly dispatcher: EmailDispatcher,
  ) {}

  queue(
    cause: EventEnvelope,
    template: string,
    email: RenderedEmail,
    now = this.clock.now(),
  ): Promise<boolean> {
    return this.queueAs(
      { id: `${cause.id}:${template}`, template, correlationId: cause.correlationId },
      email,
      now,
    );
  }

  /** Queues an e-mail under an id of the caller's choosing: a second queue of that id is a no-op. */
  async queueAs(
    key: { id: string; template: string; correlationId: string },
    email: RenderedEmail,
    now = this.clock.now(),
  ): Promise<boolean> {
    const { template, correlationId } = key;
    let queued = true;
    try {
      await this.emails.create({
        _id: key.id,
        template,
        ...email,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        leaseUntil: null,
        lastError: null,
        correlationId,
        createdAt: now,
        sentAt: null,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      queued = false;
    }
    this.dispatcher.nudge();
    return queued;
  }

  /** Where each of these e-mails stands (absent: never queued, or pruned long after it was sent). */
  async statusOf(ids: string[]): Promise<Map<string, OutgoingEmail['status']>> {
    if (ids.length === 0) return new Map();
    const found = await this.emails
      .find({ _id: { $in: ids } })
      .select({ status: 1 })
      .lean<Pick<OutgoingEmail, '_id' | 'status'>[]>();
    return new Map(found.map((email) => [email._id, email.status]));
  }
}
