import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import type { Page, PreservationListQuery, PreservationSummary, PreservationView } from '@lers/contracts';
import type { OfficerScope } from '@lers/persistence';
import { officerView, summaryView } from '../order-mapping';
import { PreservationOrders } from '../storage/preservation-orders.repository';
import { PreservationEnv } from '../../preservation.config';

/** An officer's own orders: one, or a page of them, newest first. */
@Injectable()
export class ReadOfficerOrdersUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly orders: PreservationOrders,
    @Inject(PreservationEnv) private readonly config: PreservationEnv,
  ) {}

  async one(officer: OfficerScope, preservationId: string): Promise<PreservationView> {
    const stored = await this.orders.ofOfficer(officer, preservationId);
    await this.orders.recordRead('preservation.read', stored);
    return officerView(stored, this.clock.now(), this.config.PRESERVATION_MAX_EXTENSIONS);
  }

  async page(officer: OfficerScope, query: PreservationListQuery): Promise<Page<PreservationSummary>> {
    const { items, nextCursor } = await this.orders.listOfOfficer(officer, query, query.status);
    return { items: items.map(summaryView), nextCursor };
  }
}
