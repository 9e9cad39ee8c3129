import { Injectable } from '@nestjs/common';
import { OutboxWriter, type OutboxEvent } from '@lers/messaging';
import type { RequestSubject } from '@lers/subjects';
import type { PreservationOrderDocument } from './storage/preservation-order.schema';

type HoldEventType = 'preservation.hold.placed' | 'preservation.hold.extended';
type OrderFacts = Pick<PreservationOrderDocument, '_id' | 'holds' | 'officerId' | 'agencyId'>;

/**
 * The events an order's moves cause, keyed by preservation id so each order's events reach the
 * exchange's retention jobs in order (placed → extended… → released).
 */
@Injectable()
export class OrderEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  /** One event per held subject, in its canonical form. */
  holds(type: HoldEventType, order: OrderFacts, preservedUntil: Date, at: Date): OutboxEvent[] {
    return order.holds.map((subject) =>
      this.outbox.event(
        type,
        order._id,
        {
          preservationId: order._id,
          subject: subject as RequestSubject,
          preservedUntil: preservedUntil.toISOString(),
        },
        at,
      ),
    );
  }

  released(
    order: OrderFacts,
    preservedUntil: Date,
    reason: 'expired' | 'released_by_staff',
    at: Date,
  ): OutboxEvent[] {
    return order.holds.map((subject) =>
      this.outbox.event(
        'preservation.hold.released',
        order._id,
        {
          preservationId: order._id,
          subject: subject as RequestSubject,
          preservedUntil: preservedUntil.toISOString(),
          reason,
        },
        at,
      ),
    );
  }

  expiring(order: OrderFacts, preservedUntil: Date, daysLeft: number, at: Date): OutboxEvent[] {
    return [
      this.outbox.event(
        'preservation.order.expiring',
        order._id,
        {
          preservationId: order._id,
          officerId: order.officerId,
          agencyId: order.agencyId,
          preservedUntil: preservedUntil.toISOString(),
          daysLeft,
        },
        at,
      ),
    ];
  }
}
