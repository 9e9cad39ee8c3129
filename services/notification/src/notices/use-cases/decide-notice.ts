import { Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import { applyRule } from '@lers/domain';
import type { StaffScope } from '@lers/persistence';
import type { RequestSubject } from '@lers/subjects';
import { decisionReasonOf } from '../domain/decision-reason';
import { endOrder, waive } from '../domain/notice';
import { noticeView } from '../notice.schema';
import { Notices } from '../notices';

/**
 * Staff decisions on one notice. `waive`: release the subject without a notice (no user matches,
 * several do, or delivery failed for good) — the gate settles `waived`. `liftOrder`: the
 * non-disclosure order no longer applies (it ended, or has no end date and staff reviewed it) —
 * the user is told now. An illegal decision is 409 `invalid_transition` and changes nothing.
 */
@Injectable()
export class DecideNoticeUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly notices: Notices,
  ) {}

  async waive(staff: StaffScope, id: string, reason: string) {
    const why = applyRule(() => decisionReasonOf(reason));
    const now = this.clock.now();
    const stored = await this.notices.change(
      id,
      async (notice) => ({
        ...applyRule(() => waive(notice)),
        decision: { kind: 'waived', reason: why, by: staff.staffId, at: now },
      }),
      now,
    );
    return noticeView(stored);
  }

  async liftOrder(staff: StaffScope, id: string, reason: string) {
    const why = applyRule(() => decisionReasonOf(reason));
    const now = this.clock.now();
    const stored = await this.notices.change(
      id,
      async (notice) => {
        applyRule(() => endOrder(notice, { kind: 'none' }, now, 'staff')); // refuse before asking the directory
        const match = await this.notices.match(notice.subject as RequestSubject);
        return {
          ...endOrder(notice, match, now, 'staff'),
          decision: { kind: 'order_lifted', reason: why, by: staff.staffId, at: now },
        };
      },
      now,
    );
    return noticeView(stored);
  }
}
