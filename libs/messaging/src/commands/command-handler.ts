import { Injectable, Logger } from '@nestjs/common';
import { CommandMessage, Problem, validateAs, type CommandReply, type CommandSpec } from '@lers/contracts';
import { runWithCorrelation } from '@lers/observability';

/**
 * The service side of a gateway → service call: validates the message and its payload against the
 * command's class, runs the use case under the caller's correlation id, and turns a Problem into
 * a reply value (a reply never throws across the wire).
 */
@Injectable()
export class CommandHandler {
  private readonly logger = new Logger(CommandHandler.name);

  async handle<Request extends object, Reply>(
    spec: CommandSpec<Request, Reply>,
    raw: unknown,
    execute: (payload: Request, command: CommandMessage<Request>) => Promise<Reply>,
  ): Promise<CommandReply<Reply>> {
    const message = validateAs(CommandMessage, raw);
    if (!message.ok) return { ok: false, problem: Problem.validation(message.errors).toDetails() };
    const payload = validateAs(spec.request, message.value.payload);
    if (!payload.ok) return { ok: false, problem: Problem.validation(payload.errors).toDetails() };
    const command = { ...message.value, payload: payload.value } as CommandMessage<Request>;
    return runWithCorrelation(command.correlationId, async () => {
      try {
        return { ok: true, result: await execute(payload.value, command) };
      } catch (error) {
        if (error instanceof Problem) return { ok: false, problem: error.toDetails() };
        this.logger.error({ err: error, command: spec.topic }, 'command failed');
        return {
          ok: false,
          problem: new Problem(
            500,
            'internal_error',
            'The service could not complete the request.',
          ).toDetails(),
        };
      }
    });
  }
}
