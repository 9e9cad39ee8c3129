import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EVENT_TOPICS } from '@lers/contracts';
import { EventInbox, keyedByEventId } from '@lers/messaging';
import { RemindOfficerOfPreservationUseCase } from '../officer-notifications/use-cases/remind-officer-of-preservation';

/** Preservation events that reach an officer's inbox: the reminders before an order lapses. */
@Controller()
export class PreservationEventsConsumer {
  constructor(
    private readonly inbox: EventInbox,
    private readonly reminders: RemindOfficerOfPreservationUseCase,
  ) {}

  @EventPattern(EVENT_TOPICS.preservationEvents)
  async onPreservationEvent(@Payload() raw: unknown, @Ctx() context: unknown): Promise<void> {
    await this.inbox.consume(context, raw, {
      'preservation.order.expiring': keyedByEventId((event) => this.reminders.execute(event)),
    });
  }
}
