import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Problem } from '@lers/contracts';
import { AUDIENCE, type Principal, type StaffRole } from './principal';

const ROLES = 'lers:roles';

/** The staff roles an internal endpoint admits (any one of them). */
export const StaffRoles = (...roles: StaffRole[]) => SetMetadata(ROLES, roles);

/** 401 without a valid bearer token, in problem+json (the application's own bearer strategy: see AuthModule). */
@Injectable()
export class BearerGuard extends AuthGuard() {
  override handleRequest<T>(error: unknown, principal: T): T {
    if (error instanceof Problem) throw error;
    if (error || !principal) throw new Problem(401, 'unauthorized', 'A valid bearer token is required.');
    return principal;
  }
}

/** Staff tokens only, with one of the endpoint's roles; an officer's token is 403. */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const principal = principalOf(context);
    if (principal.kind !== 'staff')
      throw new Problem(403, 'forbidden', 'This endpoint is for exchange staff.');
    const allowed = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (allowed && !allowed.some((role) => principal.roles.includes(role))) {
      throw new Problem(403, 'forbidden', `This needs one of the roles: ${allowed.join(', ')}.`);
    }
    return true;
  }
}

/** Officer tokens only; a staff token on the agency API is 403. */
@Injectable()
export class OfficerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (principalOf(context).kind !== 'officer')
      throw new Problem(403, 'forbidden', 'This endpoint is for officers.');
    return true;
  }
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  principalOf(context),
);

function principalOf(context: ExecutionContext): Principal {
  return context.switchToHttp().getRequest<{ user: Principal }>().user;
}

export { AUDIENCE };
