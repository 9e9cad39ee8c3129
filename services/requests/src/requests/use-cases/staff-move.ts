import { Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import type { OutboxEvent } from '@lers/messaging';
import { applyRule } from '@lers/domain';
import type { StaffScope } from '@lers/persistence';
import type { Actor } from '../domain/information-request';
import type { Disclosable } from '../domain/disclosure-release';
import { changesFrom, staffView, toDomain } from '../request-mapping';
import { RequestEvents } from '../request-events';
import { InformationRequests } from '../storage/information-requests.repository';
import type { InformationRequestDocument } from '../storage/information-request.schema';

export interface StaffDecision {
  next: Disclosable;
  changes?: Partial<InformationRequestDocument>;
  events?: OutboxEvent[];
}

/**
 * How every staff verb runs: read the request, let its rules decide the move (a refused move is a
 * 409/422 and writes nothing), write the move and its events in one revision-guarded update.
 */
@Injectable()
export class StaffMove {
  constructor(
    private readonly clock: Clock,
    private readonly requests: InformationRequests,
    private readonly events: RequestEvents,
  ) {}

  run(
    action: string,
    staff: StaffScope,
    requestId: string,
    decide: (
      request: Disclosable,
      actor: Actor,
      now: Date,
      stored: InformationRequestDocument,
    ) => StaffDecision | Promise<StaffDecision>,
  ) {
    return this.requests.change(
      action,
      () => this.requests.forStaff(staff, requestId),
      async (stored) => {
        const now = this.clock.now();
        const actor: Actor = { kind: 'staff', id: staff.staffId };
        // A rule violation, thrown at once or after an await, becomes its 409/422 problem.
        const decision = await Promise.resolve()
          .then(() => decide(toDomain(stored), actor, now, stored))
          .catch((error: unknown) =>
            applyRule<never>(() => {
              throw error;
            }),
          );
        return {
          changes: { ...changesFrom(decision.next, stored), ...decision.changes },
          events: [
            ...this.events.moved(stored, stored.status, decision.next.status, now),
            ...(decision.events ?? []),
          ],
          result: (updated: InformationRequestDocument) => staffView(updated, now),
        };
      },
    );
  }
}
