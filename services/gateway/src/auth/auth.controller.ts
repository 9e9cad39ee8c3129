import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { BearerGuard, CurrentPrincipal, OfficerGuard, type Principal } from '@lers/auth';
import {
  activateAccount,
  ActivateAccount,
  confirmTotp,
  ConfirmTotp,
  LinkToken,
  LoginCredentials,
  logout,
  refreshSession,
  RefreshSession,
  verifyEmail,
  type Actor,
  type TokenPair,
} from '@lers/contracts';
import { CommandBus } from '@lers/messaging';
import { AcceptsIdempotencyKey, IdempotencyKey } from '@lers/http';
import { ApiProblems } from '../openapi/problem-responses';
import { OfficerLoginGuard } from './officer-local.strategy';
import { SessionView } from './session-view';

const anonymous = (request: FastifyRequest): Actor => ({ kind: 'anonymous', roles: [], ip: request.ip });

/** Public sign-up and sign-in routes: rate-limited per client address. */
@ApiTags('auth')
@Controller('v1')
@UseGuards(ThrottlerGuard)
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly sessions: SessionView,
  ) {}

  @Post('access-applications/verify-email')
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: 'Confirm the officer e-mail with the token from the verification e-mail' })
  @ApiResponse({ status: 200, description: 'E-mail confirmed; the application waits for review' })
  @ApiProblems([400, 409, 422, 429, 503])
  verifyEmail(@Body() body: LinkToken, @Req() request: FastifyRequest, @IdempotencyKey() key?: string) {
    return this.commands.send(verifyEmail, body, anonymous(request), key);
  }

  @Post('auth/activate')
  @ApiResponse({ status: 200, description: 'Password set; the TOTP secret to enrol' })
  @ApiProblems([400, 409, 422, 429, 503])
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary: 'Set the password (≥ 12 characters, not a common one) and receive the TOTP secret',
  })
  activate(@Body() body: ActivateAccount, @Req() request: FastifyRequest, @IdempotencyKey() key?: string) {
    return this.commands.send(activateAccount, body, anonymous(request), key);
  }

  @Post('auth/totp/confirm')
  @ApiResponse({ status: 200, description: 'Authenticator confirmed; the account is active' })
  @ApiProblems([400, 409, 422, 429, 503])
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: 'Confirm the authenticator with a current code; the account becomes active' })
  confirmTotp(@Body() body: ConfirmTotp, @Req() request: FastifyRequest, @IdempotencyKey() key?: string) {
    return this.commands.send(confirmTotp, body, anonymous(request), key);
  }

  @Post('auth/login')
  @ApiResponse({ status: 200, description: 'Access and refresh tokens' })
  @ApiProblems([400, 401, 409, 422, 423, 429, 503], {
    401: 'The e-mail, password or code is not correct (`invalid_credentials`), whichever it was',
    423: 'Too many attempts for this e-mail in 15 minutes (`account_locked`)',
  })
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary: 'Password + TOTP; 401 invalid_credentials whatever was wrong; 423 after 5 failures in 15 min',
  })
  @UseGuards(OfficerLoginGuard)
  @ApiBody({ type: LoginCredentials })
  login(@Req() request: FastifyRequest & { user: TokenPair }) {
    return request.user;
  }

  @Post('auth/refresh')
  @ApiResponse({ status: 200, description: 'A new access and refresh token pair' })
  @ApiProblems([400, 401, 409, 422, 429, 503])
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: 'Rotate the refresh token; reusing an old one revokes the session' })
  refresh(@Body() body: RefreshSession, @Req() request: FastifyRequest, @IdempotencyKey() key?: string) {
    return this.commands.send(refreshSession, body, anonymous(request), key);
  }

  @Post('auth/logout')
  @ApiBearerAuth()
  @ApiResponse({ status: 204, description: 'The session is ended; its tokens no longer work' })
  @ApiProblems([400, 401, 403, 409, 422, 429, 503])
  @HttpCode(204)
  @AcceptsIdempotencyKey()
  @UseGuards(BearerGuard, OfficerGuard)
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @IdempotencyKey() key?: string,
  ) {
    await this.commands.send(
      logout,
      { sessionId: principal.sessionId },
      { kind: 'officer', id: principal.accountId, roles: [], ip: request.ip },
      key,
    );
    this.sessions.ended(principal.sessionId);
  }
}
