import { Injectable } from '@nestjs/common';
import type { StaffScope } from '@lers/persistence';
import { startReview } from '../domain/information-request';
import { StaffMove } from './staff-move';

/** A legal staff member takes a submitted request on: it is now in review, assigned to them. */
@Injectable()
export class AssignRequestUseCase {
  constructor(private readonly move: StaffMove) {}

  execute(staff: StaffScope, requestId: string) {
    return this.move.run('request.assign', staff, requestId, (request, actor, now) => ({
      next: startReview(request, actor, now),
    }));
  }
}
