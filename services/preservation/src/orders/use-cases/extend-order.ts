import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import type { ExtendPreservation, PreservationView } from '@lers/contracts';
import { applyRule } from '@lers/domain';
import type { OfficerScope } from '@lers/persistence';
import { extend } from '../domain/preservation-order';
import { OrderEvents } from '../order-events';
import { changesFrom, officerView, toDomain } from '../order-mapping';
import { PreservationOrders } from '../storage/preservation-orders.repository';
import { PreservationEnv } from '../../preservation.config';

/** The officer extends an active order by the instrument's extension; each hold is announced as extended. */
@Injectable()
export class ExtendOrderUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly orders: PreservationOrders,
    private readonly events: OrderEvents,
    @Inject(PreservationEnv) private readonly config: PreservationEnv,
  ) {}

  execute(officer: OfficerScope, input: ExtendPreservation): Promise<PreservationView> {
    const max = this.config.PRESERVATION_MAX_EXTENSIONS;
    return this.orders.change(
      'preservation.extend',
      () => this.orders.ofOfficer(officer, input.preservationId),
      (stored) => {
        const now = this.clock.now();
        const next = applyRule(() => extend(toDomain(stored), input.justification, now, max));
        return {
          changes: changesFrom(next),
          events: this.events.holds('preservation.hold.extended', stored, next.preservedUntil, now),
          result: (updated) => officerView(updated, now, max),
        };
      },
    );
  }
}
