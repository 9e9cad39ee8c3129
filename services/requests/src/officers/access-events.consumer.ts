import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EVENT_TOPICS } from '@lers/contracts';
import { EventInbox, keyedByEventId } from '@lers/messaging';
import { OfficerDirectory } from './officer-directory';

/** Keeps the officer directory in step with access's approvals. */
@Controller()
export class AccessEventsConsumer {
  constructor(
    private readonly inbox: EventInbox,
    private readonly officers: OfficerDirectory,
  ) {}

  @EventPattern(EVENT_TOPICS.accessEvents)
  async onEvent(@Payload() raw: unknown, @Ctx() context: unknown): Promise<void> {
    await this.inbox.consume(context, raw, {
      'access.application.approved': keyedByEventId(async (event) => {
        await this.officers.record(event.payload, new Date(event.occurredAt));
        return true;
      }),
    });
  }
}
