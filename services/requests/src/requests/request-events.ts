import { Injectable } from '@nestjs/common';
import type { RequestStatus } from '@lers/contracts';
import { OutboxWriter, type OutboxEvent } from '@lers/messaging';
import type { InformationRequestDocument } from './storage/information-request.schema';

/** The events a request's moves cause, keyed by request id so each request's events stay in order. */
@Injectable()
export class RequestEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  /** One `status_changed` per move (nothing when the status stayed). */
  moved(
    request: Pick<
      InformationRequestDocument,
      '_id' | 'caseNumber' | 'officerId' | 'agencyId' | 'preservationId' | 'dueBy'
    >,
    from: RequestStatus | null,
    to: RequestStatus,
    at: Date,
    caseNumber = request.caseNumber,
  ): OutboxEvent[] {
    if (from === to) return [];
    return [
      this.outbox.event(
        'requests.request.status_changed',
        request._id,
        {
          requestId: request._id,
          caseNumber,
          officerId: request.officerId,
          agencyId: request.agencyId,
          from,
          to,
          ...(request.preservationId ? { preservationId: request.preservationId } : {}),
          ...(request.dueBy ? { dueBy: request.dueBy.toISOString() } : {}),
        },
        at,
      ),
    ];
  }

  get writer(): OutboxWriter {
    return this.outbox;
  }
}
