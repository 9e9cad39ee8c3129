import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@lers/auth';
import type { Actor } from '@lers/contracts';

/** The officer behind the bearer token as the requests service sees them: it scopes everything to them. */
export const OfficerActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { user: Principal }>();
  return {
    kind: 'officer',
    id: request.user.accountId,
    agencyId: request.user.agencyId,
    roles: [],
    ip: request.ip,
  };
});
