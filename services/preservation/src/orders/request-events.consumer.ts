import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EVENT_TOPICS } from '@lers/contracts';
import { EventInbox } from '@lers/messaging';
import { RecordCitationUseCase } from './use-cases/record-citation';

/** Requests citing an order (`preservationId`) keep its holds while they are open. */
@Controller()
export class RequestEventsConsumer {
  constructor(
    private readonly inbox: EventInbox,
    private readonly citations: RecordCitationUseCase,
  ) {}

  @EventPattern(EVENT_TOPICS.requestsEvents)
  async onEvent(@Payload() raw: unknown, @Ctx() context: unknown): Promise<void> {
    await this.inbox.consume(context, raw, {
      'requests.request.status_changed': (event) => this.citations.execute(event.payload),
    });
  }
}
