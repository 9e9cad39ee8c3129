import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Clock } from '@lers/clock';
import { Problem } from '@lers/contracts';
import { applyRule } from '@lers/domain';
import { confirmBySupervisor } from '../domain/emergency-confirmation';
import { InformationRequests } from '../storage/information-requests.repository';

/** The supervisor vouches for an emergency request with the code e-mailed to them (single use). */
@Injectable()
export class ConfirmEmergencyUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly requests: InformationRequests,
  ) {}

  async execute(token: string): Promise<{ caseNumber: string; supervisorConfirmation: 'confirmed' }> {
    const tokenHash = createHash('sha256').update(token).digest('hex');
    const invalid = new Problem(400, 'invalid_token', 'The confirmation code is not valid or has expired.');
    const request = await this.requests.byConfirmationTokenHash(tokenHash);
    if (!request) throw invalid;
    return this.requests.change(
      'request.emergency.confirm',
      async () => (await this.requests.bySystem(request._id)) ?? Promise.reject(invalid),
      (stored) => {
        const now = this.clock.now();
        const expired =
          !stored.confirmationExpiresAt || stored.confirmationExpiresAt.getTime() <= now.getTime();
        if (stored.confirmationTokenHash !== tokenHash || expired) throw invalid;
        const next = applyRule(() => confirmBySupervisor(stored));
        return {
          changes: { supervisorConfirmation: next.supervisorConfirmation, confirmationTokenHash: null },
          events: [],
          result: () => ({
            caseNumber: stored.caseNumber ?? '',
            supervisorConfirmation: 'confirmed' as const,
          }),
        };
      },
    );
  }
}
