import { Injectable } from '@nestjs/common';
import { dueReminder, markReminded, REMINDER_DAYS } from '../domain/preservation-order';
import { DAY_MS } from '../domain/preservation-period';
import { OrderEvents } from '../order-events';
import { toDomain } from '../order-mapping';
import { PreservationOrders } from '../storage/preservation-orders.repository';

const EARLIEST_REMINDER_MS = Math.max(...REMINDER_DAYS) * DAY_MS;

/**
 * Announces `preservation.order.expiring` 14 and 3 days before an order's end (the notification
 * service e-mails the officer). The reminder is recorded in the same write as its event, under the
 * revision guard, so each is announced once whatever runs concurrently.
 */
@Injectable()
export class RemindOfficersUseCase {
  constructor(
    private readonly orders: PreservationOrders,
    private readonly events: OrderEvents,
  ) {}

  async run(now: Date): Promise<number> {
    let sent = 0;
    for (const candidate of await this.orders.endingBefore(new Date(now.getTime() + EARLIEST_REMINDER_MS))) {
      const reminded = await this.orders.change(
        'preservation.remind',
        async () => (await this.orders.bySystem(candidate._id)) ?? candidate,
        (stored) => {
          const order = toDomain(stored);
          const reminder = dueReminder(order, now);
          if (!reminder) return { changes: {}, events: [], result: () => false };
          return {
            changes: { remindersSent: [...markReminded(order, reminder).remindersSent] },
            events: this.events.expiring(stored, stored.preservedUntil, reminder.daysLeft, now),
            result: () => true,
          };
        },
      );
      if (reminded) sent++;
    }
    return sent;
  }
}
