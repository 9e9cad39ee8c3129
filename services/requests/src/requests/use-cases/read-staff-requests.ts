import { Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import { Problem, type PageQuery, type RequestStatus } from '@lers/contracts';
import type { StaffScope } from '@lers/persistence';
import { staffView, summaryView } from '../request-mapping';
import { InformationRequests } from '../storage/information-requests.repository';

/** What staff still have to act on, without a status filter. */
const WAITING_FOR_STAFF: RequestStatus[] = ['submitted', 'in_review', 'info_requested', 'approved'];

/** The legal team's queue and case files. */
@Injectable()
export class ReadStaffRequestsUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly requests: InformationRequests,
  ) {}

  async queue(staff: StaffScope, page: PageQuery, status?: RequestStatus) {
    const now = this.clock.now();
    const { items, nextCursor } = await this.requests.queue(
      staff,
      page,
      status ? [status] : WAITING_FOR_STAFF,
    );
    return {
      items: items.map((request) => {
        const view = staffView(request, now);
        return {
          ...summaryView(request),
          officerId: request.officerId,
          agencyId: request.agencyId,
          assignedTo: request.assignedTo,
          emergency: request.emergency !== null,
          supervisorConfirmation: request.supervisorConfirmation,
          overdue: view.overdue,
        };
      }),
      nextCursor,
    };
  }

  async one(staff: StaffScope, requestId: string) {
    const request = await this.requests.forStaff(staff, requestId);
    await this.requests.recordRead('request.read', request);
    return staffView(request, this.clock.now());
  }

  async document(staff: StaffScope, requestId: string, documentId: string) {
    const request = await this.requests.forStaff(staff, requestId);
    const document = request.documents.find((candidate) => candidate.id === documentId);
    if (!document) throw Problem.notFound('document');
    await this.requests.recordRead('request.document.read', request, {
      documentId: document.id,
      sha256: document.sha256,
    });
    return document;
  }
}
