import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EVENT_TOPICS } from '@lers/contracts';
import { EventInbox, keyedByEventId } from '@lers/messaging';
import { EmailOutbox } from '../email/email-outbox';
import { applicationRejected, officerActivation, staffInvitation } from '../email/templates/account-emails';
import { emailVerification } from '../email/templates/email-verification';
import { NotificationEnv } from '../notification.config';

/**
 * E-mails that access events cause. Each handler's one write is the e-mail record whose id is
 * `<eventId>:<template>`, so the record itself makes the event apply once (`keyedByEventId`).
 */
@Controller()
export class AccessEventsConsumer {
  constructor(
    private readonly inbox: EventInbox,
    private readonly emails: EmailOutbox,
    @Inject(NotificationEnv) private readonly config: NotificationEnv,
  ) {}

  @EventPattern(EVENT_TOPICS.accessEvents)
  async onAccessEvent(@Payload() raw: unknown, @Ctx() context: unknown): Promise<void> {
    await this.inbox.consume(context, raw, {
      'access.application.submitted': keyedByEventId((event) =>
        this.emails.queue(
          event,
          'email-verification',
          emailVerification(event.payload, this.config.PUBLIC_BASE_URL),
        ),
      ),
      'access.application.approved': keyedByEventId((event) =>
        this.emails.queue(
          event,
          'officer-activation',
          officerActivation(event.payload, this.config.PUBLIC_BASE_URL),
        ),
      ),
      'access.application.rejected': keyedByEventId((event) =>
        this.emails.queue(event, 'application-rejected', applicationRejected(event.payload)),
      ),
      'access.staff.invited': keyedByEventId((event) =>
        this.emails.queue(
          event,
          'staff-invitation',
          staffInvitation(event.payload, this.config.PUBLIC_BASE_URL),
        ),
      ),
    });
  }
}
