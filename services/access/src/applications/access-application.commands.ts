import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { COMMAND_TOPICS, submitAccessApplication, verifyEmail } from '@lers/contracts';
import { CommandHandler, operationIdOf } from '@lers/messaging';
import { SubmitAccessApplicationUseCase } from './use-cases/submit-access-application';
import { VerifyEmailUseCase } from './use-cases/verify-email';

/** Commands the gateway sends on behalf of agencies. */
@Controller()
export class AccessApplicationCommands {
  constructor(
    private readonly commands: CommandHandler,
    private readonly submit: SubmitAccessApplicationUseCase,
    private readonly verify: VerifyEmailUseCase,
  ) {}

  @MessagePattern(COMMAND_TOPICS.accessSubmitApplication)
  onSubmit(@Payload() raw: unknown) {
    return this.commands.handle(submitAccessApplication, raw, (form, command) =>
      this.submit.execute(form, operationIdOf(command)),
    );
  }

  @MessagePattern(COMMAND_TOPICS.accessVerifyEmail)
  onVerifyEmail(@Payload() raw: unknown) {
    return this.commands.handle(verifyEmail, raw, ({ token }) => this.verify.execute(token));
  }
}
