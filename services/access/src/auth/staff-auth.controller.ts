import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import {
  ActivateAccount,
  ConfirmTotp,
  LoginCredentials,
  RefreshSession,
  type TokenPair,
} from '@lers/contracts';
import { StaffLoginGuard } from './staff-local.strategy';
import { BearerGuard, CurrentPrincipal, StaffGuard, type Principal } from '@lers/auth';
import { ActivateAccountUseCase } from '../accounts/use-cases/activate-account';
import { SessionStore } from '../sessions/session-store';
import { RefreshSessionUseCase } from './use-cases/refresh-session';

/** Staff sign-in on the internal API: the same rules as officers, staff tokens; rate-limited per client. */
@Controller('internal/auth')
@UseGuards(ThrottlerGuard)
export class StaffAuthController {
  constructor(
    private readonly refresh: RefreshSessionUseCase,
    private readonly activation: ActivateAccountUseCase,
    private readonly sessions: SessionStore,
  ) {}

  /** The body is LoginCredentials, validated by the strategy before any check. */
  @Post('login')
  @HttpCode(200)
  @UseGuards(StaffLoginGuard)
  @ApiBody({ type: LoginCredentials })
  login(@Req() request: { user: TokenPair }) {
    return request.user;
  }

  @Post('refresh')
  @HttpCode(200)
  refreshTokens(@Body() body: RefreshSession) {
    return this.refresh.execute(body.refreshToken, 'staff');
  }

  @Post('activate')
  @HttpCode(200)
  activate(@Body() body: ActivateAccount) {
    return this.activation.setPassword(body.token, body.password);
  }

  @Post('totp/confirm')
  @HttpCode(200)
  confirm(@Body() body: ConfirmTotp) {
    return this.activation.confirmTotp(body.token, body.code);
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(BearerGuard, StaffGuard)
  async logout(@CurrentPrincipal() principal: Principal) {
    await this.sessions.revoke(principal.sessionId, 'logout');
  }
}
