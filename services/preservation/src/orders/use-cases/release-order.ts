import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import { applyRule } from '@lers/domain';
import type { StaffScope } from '@lers/persistence';
import { release } from '../domain/preservation-order';
import { OrderEvents } from '../order-events';
import { changesFrom, staffView, toDomain } from '../order-mapping';
import { PreservationOrders } from '../storage/preservation-orders.repository';
import { PreservationEnv } from '../../preservation.config';
import { EvidenceHolds } from './evidence-holds';

/** Legal staff end an order early, with a reason: its holds are released and its evidence unlocked. */
@Injectable()
export class ReleaseOrderUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly orders: PreservationOrders,
    private readonly events: OrderEvents,
    private readonly evidence: EvidenceHolds,
    @Inject(PreservationEnv) private readonly config: PreservationEnv,
  ) {}

  async execute(staff: StaffScope, preservationId: string, reason: string) {
    await this.orders.change(
      'preservation.release',
      () => this.orders.forStaff(staff, preservationId),
      (stored) => {
        const now = this.clock.now();
        const next = applyRule(() => release(toDomain(stored), reason, now));
        return {
          changes: { ...changesFrom(next), releasedBy: staff.staffId },
          events: this.events.released(stored, stored.preservedUntil, 'released_by_staff', now),
          result: () => undefined,
        };
      },
    );
    await this.evidence.lift(preservationId);
    const released = await this.orders.forStaff(staff, preservationId);
    return staffView(released, this.clock.now(), this.config.PRESERVATION_MAX_EXTENSIONS);
  }
}
