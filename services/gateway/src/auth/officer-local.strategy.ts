import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { FastifyRequest } from 'fastify';
import { LOCAL_STRATEGY_OPTIONS, passwordTotpGuard } from '@lers/auth';
import { login, LoginCredentials, Problem, validateAs, type TokenPair } from '@lers/contracts';
import { CommandBus } from '@lers/messaging';
import { idempotencyKeyOf } from '@lers/http';

export const OFFICER_LOCAL = 'officer-local';

/** Officers log in with e-mail, password and TOTP; the access service checks them and issues the tokens. */
@Injectable()
export class OfficerLocalStrategy extends PassportStrategy(Strategy, OFFICER_LOCAL) {
  constructor(private readonly commands: CommandBus) {
    super(LOCAL_STRATEGY_OPTIONS);
  }

  async validate(request: FastifyRequest): Promise<TokenPair> {
    const credentials = validateAs(LoginCredentials, request.body);
    if (!credentials.ok) throw Problem.validation(credentials.errors);
    return this.commands.send(
      login,
      credentials.value,
      { kind: 'anonymous', roles: [], ip: request.ip },
      idempotencyKeyOf(request),
    );
  }
}

export const OfficerLoginGuard = passwordTotpGuard(OFFICER_LOCAL);
