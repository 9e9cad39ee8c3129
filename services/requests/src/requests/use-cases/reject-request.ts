import { Injectable } from '@nestjs/common';
import type { StaffScope } from '@lers/persistence';
import { reject } from '../domain/information-request';
import { StaffMove } from './staff-move';

/** Staff refuse the request; the reason is shown to the agency and kept for audit. */
@Injectable()
export class RejectRequestUseCase {
  constructor(private readonly move: StaffMove) {}

  execute(staff: StaffScope, requestId: string, reason: string) {
    return this.move.run('request.reject', staff, requestId, (request, actor, now) => ({
      next: reject(request, actor, now, reason),
      changes: { decidedAt: now, confirmationTokenHash: null },
    }));
  }
}
