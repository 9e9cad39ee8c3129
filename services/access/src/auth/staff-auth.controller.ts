import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ActivateAccount, ConfirmTotp, LoginCredentials, RefreshSession } from '@lers/contracts';
import { BearerGuard, CurrentPrincipal, StaffGuard, type Principal } from '@lers/auth';
import { ActivateAccountUseCase } from '../accounts/use-cases/activate-account';
import { SessionStore } from '../sessions/session-store';
import { LogInUseCase } from './use-cases/log-in';
import { RefreshSessionUseCase } from './use-cases/refresh-session';

/** Staff sign-in on the internal API: the same rules as officers, staff tokens. */
@Controller('internal/auth')
export class StaffAuthController {
  constructor(
    private readonly logIn: LogInUseCase,
    private readonly refresh: RefreshSessionUseCase,
    private readonly activation: ActivateAccountUseCase,
    private readonly sessions: SessionStore,
  ) {}

  @Post('login')
  @HttpCode(200)
  login(@Body() credentials: LoginCredentials) {
    return this.logIn.execute(credentials, 'staff');
  }

  @Post('refresh')
  @HttpCode(200)
  refreshTokens(@Body() body: RefreshSession) {
    return this.refresh.execute(body.refreshToken);
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
