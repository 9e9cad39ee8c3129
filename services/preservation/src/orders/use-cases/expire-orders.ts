import { Injectable, Logger } from '@nestjs/common';
import { expire } from '../domain/preservation-order';
import { OrderEvents } from '../order-events';
import { changesFrom, toDomain } from '../order-mapping';
import type { PreservationOrderDocument } from '../storage/preservation-order.schema';
import { PreservationOrders } from '../storage/preservation-orders.repository';
import { EvidenceHolds } from './evidence-holds';

/**
 * Expires the orders whose end has passed with no citing request open. Each expiry is one
 * revision-guarded write carrying its release events, so however many replicas or passes reach an
 * order at once, exactly one write expires it and its holds are released once.
 */
@Injectable()
export class ExpireOrdersUseCase {
  private readonly logger = new Logger(ExpireOrdersUseCase.name);

  constructor(
    private readonly orders: PreservationOrders,
    private readonly events: OrderEvents,
    private readonly evidence: EvidenceHolds,
  ) {}

  /** One pass at `now`; returns how many orders this pass expired. */
  async run(now: Date): Promise<number> {
    let expired = 0;
    for (const due of await this.orders.endingBefore(now)) {
      if (await this.expireIfDue(due._id, now)) expired++;
    }
    for (const ended of await this.orders.endedWithEvidenceHeld()) await this.evidence.lift(ended._id);
    if (expired > 0) this.logger.log({ expired }, 'preservation orders expired');
    return expired;
  }

  /** True when this call expired the order (the caller then owns lifting its evidence holds). */
  async expireIfDue(orderId: string, now: Date): Promise<boolean> {
    const expired = await this.orders.change(
      'preservation.expire',
      () => this.required(orderId),
      (stored) => {
        const next = expire(toDomain(stored), now);
        if (!next) return { changes: {}, events: [], result: () => false };
        return {
          changes: changesFrom(next),
          events: this.events.released(stored, stored.preservedUntil, 'expired', now),
          result: () => true,
        };
      },
    );
    if (expired) await this.evidence.lift(orderId);
    return expired;
  }

  private async required(orderId: string): Promise<PreservationOrderDocument> {
    const order = await this.orders.bySystem(orderId);
    if (!order) throw new Error(`preservation order ${orderId} vanished`);
    return order;
  }
}
