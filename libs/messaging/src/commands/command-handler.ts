import { Injectable, Logger } from '@nestjs/common';
import { auditContextOfActor, runWithAuditContext } from '@lers/audit';
import { CommandMessage, Problem, validateAs, type CommandReply, type CommandSpec } from '@lers/contracts';
import { runWithCorrelation } from '@lers/observability';
import { isTransient } from '../inbox/transient-error';
import { IdempotentCommands } from './idempotency/idempotent-commands';

/**
 * The service side of a gateway → service call: validates the message and its payload against the
 * command's class, drops a command whose caller has stopped waiting, honours Idempotency-Key,
 * runs the use case under the caller's correlation id, and turns a Problem into a reply value
 * (a reply never throws across the wire).
 */
@Injectable()
export class CommandHandler {
  private readonly logger = new Logger(CommandHandler.name);

  constructor(private readonly idempotency: IdempotentCommands) {}

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
      // The caller already answered its client (504): running it now would act behind their back.
      if (Date.parse(command.deadline) < Date.now()) {
        this.logger.warn(
          { command: spec.topic, commandId: command.id, deadline: command.deadline },
          'command arrived after its deadline; dropped without running it',
        );
        return failure(new Problem(504, 'command_expired', 'The request expired before it was handled.'));
      }
      // The caller's identity travels with the work, so audit entries name who asked.
      const audit = auditContextOfActor(command.actor);
      const run = () => runWithAuditContext(audit, () => this.execute(spec, command, execute));
      const { idempotencyKey } = command;
      if (spec.options.readOnly || !idempotencyKey) return run();
      return this.idempotency
        .runCommand(spec, { ...command, idempotencyKey }, run)
        .catch((error: unknown) => {
          this.logger.warn({ err: error, command: spec.topic }, 'idempotency record unavailable');
          return failure(unavailable(error));
        });
    });
  }

  private async execute<Request extends object, Reply>(
    spec: CommandSpec<Request, Reply>,
    command: CommandMessage<Request>,
    execute: (payload: Request, command: CommandMessage<Request>) => Promise<Reply>,
  ): Promise<CommandReply<Reply>> {
    try {
      return { ok: true, result: await execute(command.payload, command) };
    } catch (error) {
      if (error instanceof Problem) return failure(error);
      if (isTransient(error)) {
        this.logger.warn({ err: error, command: spec.topic }, 'command failed: a dependency is away');
        return failure(unavailable(error));
      }
      this.logger.error({ err: error, command: spec.topic }, 'command failed');
      return failure(new Problem(500, 'internal_error', 'The service could not complete the request.'));
    }
  }
}

const failure = (problem: Problem): CommandReply<never> => ({ ok: false, problem: problem.toDetails() });

function unavailable(error: unknown): Problem {
  if (error instanceof Problem) return error;
  return new Problem(
    503,
    'service_unavailable',
    'A service LERS depends on is unavailable; please retry later.',
  );
}
