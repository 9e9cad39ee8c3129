import { Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import type { RequestView } from '@lers/contracts';
import { applyRule } from '@lers/domain';
import type { OfficerScope } from '@lers/persistence';
import { withdraw } from '../domain/information-request';
import { changesFrom, officerView, toDomain } from '../request-mapping';
import { RequestEvents } from '../request-events';
import { InformationRequests } from '../storage/information-requests.repository';

/** The officer takes the request back; only before the exchange has decided it. */
@Injectable()
export class WithdrawRequestUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly requests: InformationRequests,
    private readonly events: RequestEvents,
  ) {}

  execute(officer: OfficerScope, requestId: string): Promise<RequestView> {
    return this.requests.change(
      'request.withdraw',
      () => this.requests.ofOfficer(officer, requestId),
      (stored) => {
        const now = this.clock.now();
        const next = applyRule(() =>
          withdraw(toDomain(stored), { kind: 'officer', id: officer.officerId }, now),
        );
        return {
          changes: { ...changesFrom(next, stored), confirmationTokenHash: null },
          events: this.events.moved(stored, stored.status, next.status, now),
          result: officerView,
        };
      },
    );
  }
}
