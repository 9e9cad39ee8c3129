import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { activateAccount, COMMAND_TOPICS, confirmTotp, login, logout, refreshSession } from '@lers/contracts';
import { CommandHandler } from '@lers/messaging';
import { ActivateAccountUseCase } from '../accounts/use-cases/activate-account';
import { SessionStore } from '../sessions/session-store';
import { LogInUseCase } from './use-cases/log-in';
import { RefreshSessionUseCase } from './use-cases/refresh-session';

/** Officer authentication, called by the gateway. */
@Controller()
export class AuthCommands {
  constructor(
    private readonly commands: CommandHandler,
    private readonly activation: ActivateAccountUseCase,
    private readonly logIn: LogInUseCase,
    private readonly refresh: RefreshSessionUseCase,
    private readonly sessions: SessionStore,
  ) {}

  @MessagePattern(COMMAND_TOPICS.accessActivate)
  onActivate(@Payload() raw: unknown) {
    return this.commands.handle(activateAccount, raw, ({ token, password }) =>
      this.activation.setPassword(token, password),
    );
  }

  @MessagePattern(COMMAND_TOPICS.accessConfirmTotp)
  onConfirmTotp(@Payload() raw: unknown) {
    return this.commands.handle(confirmTotp, raw, ({ token, code }) =>
      this.activation.confirmTotp(token, code),
    );
  }

  @MessagePattern(COMMAND_TOPICS.accessLogin)
  onLogin(@Payload() raw: unknown) {
    return this.commands.handle(login, raw, (credentials) => this.logIn.execute(credentials, 'officer'));
  }

  @MessagePattern(COMMAND_TOPICS.accessRefresh)
  onRefresh(@Payload() raw: unknown) {
    return this.commands.handle(refreshSession, raw, ({ refreshToken }) =>
      this.refresh.execute(refreshToken, 'officer'),
    );
  }

  @MessagePattern(COMMAND_TOPICS.accessLogout)
  onLogout(@Payload() raw: unknown) {
    return this.commands.handle(logout, raw, async ({ sessionId }) => {
      await this.sessions.revoke(sessionId, 'logout');
      return { loggedOut: true as const };
    });
  }
}
