import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { Clock } from '@lers/clock';
import { Problem, type RequestView } from '@lers/contracts';
import { applyRule } from '@lers/domain';
import type { OfficerScope } from '@lers/persistence';
import { submit } from '../domain/information-request';
import { isEmergency } from '../domain/submission-rules';
import { OfficerDirectory } from '../../officers/officer-directory';
import { RequestsEnv } from '../../requests.config';
import { changesFrom, officerView, toDomain } from '../request-mapping';
import { RequestEvents } from '../request-events';
import { CaseNumbers } from '../storage/case-numbers';
import { InformationRequests } from '../storage/information-requests.repository';

const HOUR_MS = 3_600_000;

/**
 * The officer sends the request: it gets its case number and its due date; an emergency also
 * asks the officer's supervisor to confirm it.
 */
@Injectable()
export class SubmitRequestUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly requests: InformationRequests,
    private readonly caseNumbers: CaseNumbers,
    private readonly events: RequestEvents,
    private readonly officers: OfficerDirectory,
    @Inject(RequestsEnv) private readonly config: RequestsEnv,
  ) {}

  execute(officer: OfficerScope, requestId: string): Promise<RequestView> {
    return this.requests.change(
      'request.submit',
      () => this.requests.ofOfficer(officer, requestId),
      async (stored) => {
        const now = this.clock.now();
        const actor = { kind: 'officer' as const, id: officer.officerId };
        // Rules first, so a refused submission uses no case number.
        const next = applyRule(() =>
          submit(toDomain(stored), actor, now, this.config.REVIEW_CALENDAR_COUNTRY),
        );
        const caseNumber = await this.caseNumbers.next(now);
        const submitted = { ...stored, caseNumber, dueBy: next.dueBy ?? null };
        const events = this.events.moved(submitted, stored.status, next.status, now);
        let confirmation = {};
        if (isEmergency(next)) {
          const supervisor = await this.officers.supervisorOf(officer.officerId);
          if (!supervisor) {
            throw new Problem(
              503,
              'service_unavailable',
              'Your officer record has not reached the requests service yet; please retry in a minute.',
            );
          }
          const token = randomBytes(32).toString('base64url');
          const expiresAt = new Date(now.getTime() + this.config.EMERGENCY_CONFIRMATION_TTL_HOURS * HOUR_MS);
          confirmation = {
            confirmationTokenHash: createHash('sha256').update(token).digest('hex'),
            confirmationExpiresAt: expiresAt,
          };
          events.push(
            this.events.writer.event(
              'requests.emergency.confirmation_requested',
              stored._id,
              {
                requestId: stored._id,
                caseNumber,
                supervisor: supervisor.supervisor,
                officerName: supervisor.fullName,
                agencyName: supervisor.agencyName,
                threat: stored.emergency?.threat ?? '',
                confirmationToken: token,
                expiresAt: expiresAt.toISOString(),
              },
              now,
            ),
          );
        }
        return {
          changes: { ...changesFrom(next, stored), caseNumber, ...confirmation },
          events,
          result: officerView,
        };
      },
    );
  }
}
