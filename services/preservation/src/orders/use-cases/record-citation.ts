import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@lers/clock';
import type { RequestStatus, RequestStatusChangedV1 } from '@lers/contracts';
import { cite, expire, uncite } from '../domain/preservation-order';
import { OrderEvents } from '../order-events';
import { changesFrom, toDomain } from '../order-mapping';
import { PreservationOrders } from '../storage/preservation-orders.repository';
import { EvidenceHolds } from './evidence-holds';

/** A request is over once closed or withdrawn (a rejected one still awaits its closing). */
const ENDED_REQUEST: readonly RequestStatus[] = ['closed', 'withdrawn'];

/**
 * Keeps, per order, the set of open requests for information citing it. Requests events are keyed
 * by request id, so one request's moves arrive in order; applying a move is idempotent (a set), so a
 * redelivery changes nothing. When the last citing request ends after the order's end, the order
 * expires at once, in the same write.
 */
@Injectable()
export class RecordCitationUseCase {
  private readonly logger = new Logger(RecordCitationUseCase.name);

  constructor(
    private readonly clock: Clock,
    private readonly orders: PreservationOrders,
    private readonly events: OrderEvents,
    private readonly evidence: EvidenceHolds,
  ) {}

  async execute(move: RequestStatusChangedV1): Promise<void> {
    const preservationId = move.preservationId;
    if (!preservationId) return;
    const order = await this.orders.bySystem(preservationId);
    // Another agency's order (or a mistyped id) is not kept alive by someone else's request.
    if (!order || order.agencyId !== move.agencyId) {
      this.logger.warn(
        { requestId: move.requestId, preservationId },
        'request cites an unknown order; ignored',
      );
      return;
    }
    const ended = ENDED_REQUEST.includes(move.to);
    const expired = await this.orders.change(
      'preservation.citation',
      async () => (await this.orders.bySystem(preservationId)) ?? order,
      (stored) => {
        const now = this.clock.now();
        const current = toDomain(stored);
        const cited = ended ? uncite(current, move.requestId) : cite(current, move.requestId);
        if (cited === current) return { changes: {}, events: [], result: () => false };
        const lapsed = expire(cited, now);
        return {
          changes: changesFrom(lapsed ?? cited),
          events: lapsed ? this.events.released(stored, stored.preservedUntil, 'expired', now) : [],
          result: () => lapsed !== null,
        };
      },
    );
    if (expired) await this.evidence.lift(preservationId);
  }
}
