import { Injectable } from '@nestjs/common';
import type { StaffScope } from '@lers/persistence';
import { close } from '../domain/information-request';
import { StaffMove } from './staff-move';

/** The case is over (rejected, or its records disclosed). */
@Injectable()
export class CloseRequestUseCase {
  constructor(private readonly move: StaffMove) {}

  execute(staff: StaffScope, requestId: string) {
    return this.move.run('request.close', staff, requestId, (request, actor, now) => ({
      next: close(request, actor, now),
    }));
  }
}
