import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EVENT_TOPICS } from '@lers/contracts';
import { EventInbox, keyedByEventId } from '@lers/messaging';
import { EmailOutbox } from '../email/email-outbox';
import { NotificationEnv } from '../notification.config';
import { emergencyConfirmationRequest } from './emergency-confirmation-email';

/** E-mails that request events cause, each applied once by its `<eventId>:<template>` record. */
@Controller()
export class RequestEventsConsumer {
  constructor(
    private readonly inbox: EventInbox,
    private readonly emails: EmailOutbox,
    @Inject(NotificationEnv) private readonly config: NotificationEnv,
  ) {}

  @EventPattern(EVENT_TOPICS.requestsEvents)
  async onRequestEvent(@Payload() raw: unknown, @Ctx() context: unknown): Promise<void> {
    await this.inbox.consume(context, raw, {
      'requests.emergency.confirmation_requested': keyedByEventId((event) =>
        this.emails.queue(
          event,
          'emergency-confirmation',
          emergencyConfirmationRequest(event.payload, this.config.PUBLIC_BASE_URL),
        ),
      ),
    });
  }
}
