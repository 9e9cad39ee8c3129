import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { StaffScope } from '@lers/persistence';
import { requestInfo } from '../domain/information-request';
import { checkMessageMayBePosted } from '../domain/request-attachments';
import { StaffMove } from './staff-move';

/** Staff ask the officer for more; the question goes into the thread with the move. */
@Injectable()
export class RequestMoreInfoUseCase {
  constructor(private readonly move: StaffMove) {}

  execute(staff: StaffScope, requestId: string, message: string) {
    return this.move.run('request.request_info', staff, requestId, (request, actor, now, stored) => {
      const next = requestInfo(request, actor, now);
      checkMessageMayBePosted(next.status, stored.messages.length);
      const question = {
        id: randomUUID(),
        author: { kind: 'staff' as const, id: actor.id },
        body: message,
        at: now,
      };
      return { next, changes: { messages: [...stored.messages, question] } };
    });
  }
}
