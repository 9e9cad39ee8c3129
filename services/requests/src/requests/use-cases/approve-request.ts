import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@lers/messaging';
import type { StaffScope } from '@lers/persistence';
import type { RequestSubject } from '@lers/subjects';
import { approve } from '../domain/information-request';
import { closedGate } from '../domain/disclosure-release';
import { OfficerDirectory } from '../../officers/officer-directory';
import { StaffMove } from './staff-move';

/**
 * Staff grant the request. Its `approved` event asks the user-notice side to tell each subject's
 * user (or, with `nonDisclosureUpheld`, to hold the notice while the court's order runs); the
 * release gate holds every package until each subject's notice is settled.
 */
@Injectable()
export class ApproveRequestUseCase {
  constructor(
    private readonly move: StaffMove,
    private readonly outbox: OutboxWriter,
    private readonly officers: OfficerDirectory,
  ) {}

  async execute(staff: StaffScope, requestId: string, nonDisclosureUpheld: boolean) {
    return this.move.run('request.approve', staff, requestId, async (request, actor, now, stored) => {
      const approved = approve(request, actor, now, nonDisclosureUpheld);
      const officer = await this.officers.find(stored.officerId);
      const event = this.outbox.event(
        'requests.request.approved',
        stored._id,
        {
          requestId: stored._id,
          caseNumber: stored.caseNumber ?? '',
          officerId: stored.officerId,
          agencyId: stored.agencyId,
          agencyName: officer?.agencyName ?? 'unknown agency',
          agencyCountry: officer?.agencyCountry ?? stored.jurisdiction.country,
          subjects: stored.subjects as RequestSubject[],
          dataRequested: stored.dataRequested,
          nonDisclosure: {
            ordered: stored.nonDisclosure.ordered,
            ...(stored.nonDisclosure.until ? { until: stored.nonDisclosure.until } : {}),
            upheld: nonDisclosureUpheld,
          },
        },
        now,
      );
      return {
        next: { ...approved, releaseGate: closedGate(stored.subjects.length) },
        changes: { decidedAt: now },
        events: [event],
      };
    });
  }
}
