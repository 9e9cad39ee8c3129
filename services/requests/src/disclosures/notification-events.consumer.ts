import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EVENT_TOPICS } from '@lers/contracts';
import { EventInbox } from '@lers/messaging';
import { SettleNoticeUseCase } from './settle-notice';

/** The release gate's input: user notices settled by the notification service. */
@Controller()
export class NotificationEventsConsumer {
  constructor(
    private readonly inbox: EventInbox,
    private readonly settle: SettleNoticeUseCase,
  ) {}

  @EventPattern(EVENT_TOPICS.notificationEvents)
  async onEvent(@Payload() raw: unknown, @Ctx() context: unknown): Promise<void> {
    await this.inbox.consume(context, raw, {
      'notification.notice.settled': (event) =>
        this.settle.execute(event.payload, new Date(event.occurredAt)),
    });
  }
}
