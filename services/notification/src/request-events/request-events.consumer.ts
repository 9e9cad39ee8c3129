import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EVENT_TOPICS } from '@lers/contracts';
import { EventInbox, keyedByEventId } from '@lers/messaging';
import { EmailOutbox } from '../email/email-outbox';
import { NotificationEnv } from '../notification.config';
import { OpenNoticesUseCase } from '../notices/use-cases/open-notices';
import { NotifyOfficerOfMoveUseCase } from '../officer-notifications/use-cases/notify-officer-of-move';
import { TrackRequestDeadlineUseCase } from '../staff-alerts/use-cases/track-request-deadline';
import { emergencyConfirmationRequest } from './emergency-confirmation-email';

/**
 * What request events cause here. One consumer per topic: the inbox records each event once per
 * consumer group, so every handler of a type lives in this one map. Each handler's writes are keyed
 * (event id, notice id, request id), so a handler run again after a crash repeats nothing.
 */
@Controller()
export class RequestEventsConsumer {
  constructor(
    private readonly inbox: EventInbox,
    private readonly emails: EmailOutbox,
    private readonly notices: OpenNoticesUseCase,
    private readonly officerNotifications: NotifyOfficerOfMoveUseCase,
    private readonly deadlines: TrackRequestDeadlineUseCase,
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
      'requests.request.approved': (event) => this.notices.execute(event),
      'requests.request.status_changed': async (event) => {
        await this.officerNotifications.execute(event);
        await this.deadlines.execute(event.payload, new Date(event.occurredAt));
      },
    });
  }
}
