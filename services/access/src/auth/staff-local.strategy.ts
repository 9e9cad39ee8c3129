import { Injectable } from '@nestjs/common';
import { auditContextOfActor, runWithAuditContext } from '@lers/audit';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { FastifyRequest } from 'fastify';
import { LOCAL_STRATEGY_OPTIONS, passwordTotpGuard } from '@lers/auth';
import { LoginCredentials, Problem, validateAs, type TokenPair } from '@lers/contracts';
import { LogInUseCase } from './use-cases/log-in';

export const STAFF_LOCAL = 'staff-local';

/** Staff log in with e-mail, password and TOTP (passport-local; the whole body is validated first). */
@Injectable()
export class StaffLocalStrategy extends PassportStrategy(Strategy, STAFF_LOCAL) {
  constructor(private readonly logIn: LogInUseCase) {
    super(LOCAL_STRATEGY_OPTIONS);
  }

  async validate(request: FastifyRequest): Promise<TokenPair> {
    const credentials = validateAs(LoginCredentials, request.body);
    if (!credentials.ok) throw Problem.validation(credentials.errors);
    // Guards run before the audit interceptor: the caller's address is put in the context here.
    const agent = request.headers['user-agent'];
    const caller = auditContextOfActor(
      { kind: 'anonymous', roles: [], ip: request.ip },
      typeof agent === 'string' ? agent.slice(0, 256) : null,
    );
    return runWithAuditContext(caller, () => this.logIn.execute(credentials.value, 'staff'));
  }
}

export const StaffLoginGuard = passwordTotpGuard(STAFF_LOCAL);
