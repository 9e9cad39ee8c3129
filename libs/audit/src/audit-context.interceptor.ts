import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { Principal } from '@lers/auth';
import { auditContextOfActor, runWithAuditContext } from './audit-context';

const MAX_USER_AGENT = 256;

/** Puts the caller of an internal HTTP route (after the guards authenticated it) in the audit context. */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<{
      user?: Principal;
      ip?: string;
      headers: Record<string, string | string[] | undefined>;
    }>();
    const agent = request.headers['user-agent'];
    const principal = request.user;
    const audit = auditContextOfActor(
      {
        kind: principal?.kind ?? 'anonymous',
        id: principal?.accountId,
        agencyId: principal?.agencyId,
        roles: principal?.roles ?? [],
        ip: request.ip,
      },
      typeof agent === 'string' ? agent.slice(0, MAX_USER_AGENT) : null,
    );
    // The handler runs when the observable is subscribed: subscribe inside the context.
    return new Observable((subscriber) =>
      runWithAuditContext(audit, () => next.handle().subscribe(subscriber)),
    );
  }
}
