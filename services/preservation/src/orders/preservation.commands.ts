import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  attachPreservationDocument,
  COMMAND_TOPICS,
  createPreservation,
  extendPreservation,
  listPreservations,
  readPreservation,
} from '@lers/contracts';
import { CommandHandler, operationIdOf } from '@lers/messaging';
import { officerScopeOf } from '@lers/persistence';
import { AttachOrderDocumentUseCase } from './use-cases/attach-document';
import { CreateOrderUseCase } from './use-cases/create-order';
import { ExtendOrderUseCase } from './use-cases/extend-order';
import { ReadOfficerOrdersUseCase } from './use-cases/read-officer-orders';

/** What officers ask through the gateway; a command without an officer and an agency is refused (403). */
@Controller()
export class PreservationCommands {
  constructor(
    private readonly commands: CommandHandler,
    private readonly create: CreateOrderUseCase,
    private readonly extend: ExtendOrderUseCase,
    private readonly read: ReadOfficerOrdersUseCase,
    private readonly attach: AttachOrderDocumentUseCase,
  ) {}

  @MessagePattern(COMMAND_TOPICS.preservationCreate)
  onCreate(@Payload() raw: unknown) {
    return this.commands.handle(createPreservation, raw, (form, command) =>
      this.create.execute(officerScopeOf(command.actor), form, operationIdOf(command)),
    );
  }

  @MessagePattern(COMMAND_TOPICS.preservationExtend)
  onExtend(@Payload() raw: unknown) {
    return this.commands.handle(extendPreservation, raw, (input, command) =>
      this.extend.execute(officerScopeOf(command.actor), input),
    );
  }

  @MessagePattern(COMMAND_TOPICS.preservationRead)
  onRead(@Payload() raw: unknown) {
    return this.commands.handle(readPreservation, raw, ({ preservationId }, command) =>
      this.read.one(officerScopeOf(command.actor), preservationId),
    );
  }

  @MessagePattern(COMMAND_TOPICS.preservationList)
  onList(@Payload() raw: unknown) {
    return this.commands.handle(listPreservations, raw, (query, command) =>
      this.read.page(officerScopeOf(command.actor), query),
    );
  }

  @MessagePattern(COMMAND_TOPICS.preservationAttachDocument)
  onAttach(@Payload() raw: unknown) {
    return this.commands.handle(attachPreservationDocument, raw, (input, command) =>
      this.attach.execute(officerScopeOf(command.actor), input, operationIdOf(command)),
    );
  }
}
