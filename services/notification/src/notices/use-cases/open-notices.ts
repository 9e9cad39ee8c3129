import { Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import type { EventEnvelope, RequestApprovedV1 } from '@lers/contracts';
import { openNotice } from '../domain/notice';
import { Notices } from '../notices';

/**
 * On approval, one notice per subject: sent at once, held under an upheld non-disclosure order, or
 * referred to staff when no single user matches. Run again for a redelivered event, it creates
 * nothing new and only finishes what a crash left undone.
 */
@Injectable()
export class OpenNoticesUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly notices: Notices,
  ) {}

  async execute(event: EventEnvelope<RequestApprovedV1>): Promise<void> {
    const approved = event.payload;
    for (const [subjectIndex, subject] of approved.subjects.entries()) {
      const now = this.clock.now();
      const id = `${approved.requestId}:${subjectIndex}`;
      const existing = await this.notices.get(id);
      if (existing) {
        await this.notices.resume(existing, now);
        continue;
      }
      const change = openNotice(approved.nonDisclosure, await this.notices.match(subject), now);
      const inserted = await this.notices.insert(
        {
          _id: id,
          requestId: approved.requestId,
          subjectIndex,
          subject: {
            type: subject.type,
            value: subject.value,
            ...(subject.chain ? { chain: subject.chain } : {}),
          },
          agencyName: approved.agencyName,
          agencyCountry: approved.agencyCountry,
          dataRequested: approved.dataRequested,
          correlationId: event.correlationId,
          createdAt: now,
          updatedAt: now,
        },
        change,
        now,
      );
      if (!inserted) await this.notices.resume((await this.notices.get(id))!, now);
    }
  }
}
