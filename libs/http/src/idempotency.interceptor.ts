import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, map, type Observable } from 'rxjs';
import { Problem, type CommandReply } from '@lers/contracts';
import { actorScope, IdempotentCommands } from '@lers/messaging';
import { idempotencyKeyOf } from './idempotency-key';

/** How long a keyed call on an internal route may run before a retry may take its place. */
const HTTP_DEADLINE_MS = 30_000;

type AuthenticatedRequest = FastifyRequest & { user?: { accountId?: string; kind?: string } };

/**
 * Idempotency-Key on the services' own HTTP routes (staff decisions: approve, reject, suspend…),
 * with the same store and rules as commands from the gateway: per staff member, the same key and
 * body give back the first answer. Runs after the guards, so the caller is known. Multipart
 * routes are left to their handlers (their body is a stream, not a value to compare).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotentCommands) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const multipart = String(request.headers['content-type'] ?? '').startsWith('multipart/');
    const key = request.method === 'POST' && !multipart ? idempotencyKeyOf(request) : undefined;
    if (!key) return next.handle();
    const reply = this.idempotency.run(
      {
        actorScope: actorScope({
          kind: request.user?.kind === 'staff' ? 'staff' : 'anonymous',
          id: request.user?.accountId,
        }),
        key,
        operation: `${request.method} ${request.routeOptions.url ?? request.url}`,
        request: { url: request.url, body: request.body ?? null },
        deadline: new Date(Date.now() + HTTP_DEADLINE_MS),
      },
      () => settle(next),
    );
    return from(reply).pipe(
      map((outcome) => {
        if (outcome.ok) return outcome.result;
        throw Problem.fromDetails(outcome.problem);
      }),
    );
  }
}

/** The handler's result or its Problem, as a reply; anything else stays an error (not remembered). */
async function settle(next: CallHandler): Promise<CommandReply<unknown>> {
  try {
    return { ok: true, result: await lastValueFrom(next.handle(), { defaultValue: undefined }) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.toDetails() };
    throw error;
  }
}
