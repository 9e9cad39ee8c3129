import { Injectable } from '@nestjs/common';
import type { Page, RequestListQuery, RequestSummary, RequestView } from '@lers/contracts';
import type { OfficerScope } from '@lers/persistence';
import { officerView, summaryView } from '../request-mapping';
import { InformationRequests } from '../storage/information-requests.repository';

/** An officer's own requests: one, or a page of them, newest first. */
@Injectable()
export class ReadOfficerRequestsUseCase {
  constructor(private readonly requests: InformationRequests) {}

  async one(officer: OfficerScope, requestId: string): Promise<RequestView> {
    const request = await this.requests.ofOfficer(officer, requestId);
    await this.requests.recordRead('request.read', request);
    return officerView(request);
  }

  async page(officer: OfficerScope, query: RequestListQuery): Promise<Page<RequestSummary>> {
    const { items, nextCursor } = await this.requests.listOfOfficer(officer, query, query.status);
    return { items: items.map(summaryView), nextCursor };
  }
}
