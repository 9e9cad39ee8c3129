import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EVENT_TOPICS } from '@lers/contracts';
import { EventInbox } from '@lers/messaging';

/**
 * The topic this service listens to (see ARCHITECTURE.md). No event type on it has a handler here
 * yet; the inbox still validates every message and parks malformed ones on the dead-letter topic.
 */
@Controller()
export class UpstreamEventsConsumer {
  constructor(private readonly inbox: EventInbox) {}

  @EventPattern(EVENT_TOPICS.notificationEvents)
  async onEvent(@Payload() raw: unknown, @Ctx() context: unknown): Promise<void> {
    await this.inbox.consume(context, raw, {});
  }
}
