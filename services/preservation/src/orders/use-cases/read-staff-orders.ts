import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import { Problem, type HoldView, type PageQuery, type PreservationStatus } from '@lers/contracts';
import type { StaffScope } from '@lers/persistence';
import { validateSubject, type SubjectInput } from '@lers/subjects';
import { holdViews, staffView, summaryView } from '../order-mapping';
import { holdKeyOf } from '../storage/preservation-order.schema';
import { PreservationOrders } from '../storage/preservation-orders.repository';
import { PreservationEnv } from '../../preservation.config';

/** The legal team's view of every agency's orders, and the holds query for the exchange's data systems. */
@Injectable()
export class ReadStaffOrdersUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly orders: PreservationOrders,
    @Inject(PreservationEnv) private readonly config: PreservationEnv,
  ) {}

  async page(staff: StaffScope, query: PageQuery, status?: PreservationStatus) {
    const { items, nextCursor } = await this.orders.listForStaff(staff, query, status);
    return {
      items: items.map((order) => ({
        ...summaryView(order),
        officerId: order.officerId,
        agencyId: order.agencyId,
        citedBy: order.citedBy,
      })),
      nextCursor,
    };
  }

  async one(staff: StaffScope, preservationId: string) {
    const order = await this.orders.forStaff(staff, preservationId);
    await this.orders.recordRead('preservation.read', order);
    return staffView(order, this.clock.now(), this.config.PRESERVATION_MAX_EXTENSIONS);
  }

  /** Active holds on one subject, matched in its canonical form (an EVM address in any letter case). */
  async holds(staff: StaffScope, subject: SubjectInput): Promise<{ items: HoldView[] }> {
    const check = validateSubject(subject);
    if (!check.ok) throw Problem.validation(check.errors);
    const key = holdKeyOf(check.canonical);
    const orders = await this.orders.holding(staff, key);
    return { items: orders.flatMap((order) => holdViews(order, key)) };
  }
}
