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

  async queue(
    cause: EventEnvelope,
    template: string,
    email: RenderedEmail,
    now = this.clock.now(),
  ): Promise<boolean> {
    let queued = true;
    try {
      await this.emails.create({
        _id: `${cause.id}:${template}`,
        template,
        ...email,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        leaseUntil: null,
        lastError: null,
        correlationId: cause.correlationId,
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
}
