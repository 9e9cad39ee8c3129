import { Injectable, Logger } from '@nestjs/common';
import type { NoticeSettledV1 } from '@lers/contracts';
import { DomainRuleViolation } from '@lers/domain';
import { settleNotice } from '../requests/domain/disclosure-release';
import { changesFrom, toDomain } from '../requests/request-mapping';
import { RequestEvents } from '../requests/request-events';
import { InformationRequests } from '../requests/storage/information-requests.repository';

/** The user-notice side settled a subject: the gate may open and held packages go out. */
@Injectable()
export class SettleNoticeUseCase {
  private readonly logger = new Logger(SettleNoticeUseCase.name);

  constructor(
    private readonly requests: InformationRequests,
    private readonly events: RequestEvents,
  ) {}

  async execute(settled: NoticeSettledV1, at: Date): Promise<void> {
    const exists = await this.requests.bySystem(settled.requestId);
    if (!exists) {
      this.logger.warn({ requestId: settled.requestId }, 'notice settled for an unknown request; ignored');
      return;
    }
    try {
      await this.requests.change(
        'request.notice_settled',
        async () => (await this.requests.bySystem(settled.requestId))!,
        (stored) => {
          const next = settleNotice(toDomain(stored), settled.subjectIndex, settled.outcome, at);
          return {
            changes: changesFrom(next, stored),
            events: this.events.moved(stored, stored.status, next.status, at),
            result: () => undefined,
          };
        },
      );
    } catch (error) {
      // A settlement that can never apply (no such subject, request not approved) is logged, not retried forever.
      if (!(error instanceof DomainRuleViolation)) throw error;
      this.logger.error({ requestId: settled.requestId, code: error.code }, error.message);
    }
  }
}
