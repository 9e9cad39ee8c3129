import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  attachRequestDocument,
  COMMAND_TOPICS,
  confirmEmergency,
  createRequest,
  listDisclosures,
  listRequestMessages,
  listRequests,
  openDisclosureDownload,
  postRequestMessage,
  readRequest,
  submitRequest,
  withdrawRequest,
} from '@lers/contracts';
import { CommandHandler, operationIdOf } from '@lers/messaging';
import { officerScopeOf } from '@lers/persistence';
import { OfficerDisclosuresUseCase } from '../disclosures/officer-disclosures';
import { AttachDocumentUseCase } from './use-cases/attach-document';
import { ConfirmEmergencyUseCase } from './use-cases/confirm-emergency';
import { CreateRequestUseCase } from './use-cases/create-request';
import { PostMessageUseCase } from './use-cases/post-message';
import { ReadOfficerRequestsUseCase } from './use-cases/read-officer-requests';
import { SubmitRequestUseCase } from './use-cases/submit-request';
import { WithdrawRequestUseCase } from './use-cases/withdraw-request';

/**
 * What officers ask through the gateway. Every handler derives the officer's scope from the
 * command's actor first: a command without an officer and an agency is refused (403).
 */
@Controller()
export class RequestCommands {
  constructor(
    private readonly commands: CommandHandler,
    private readonly create: CreateRequestUseCase,
    private readonly attach: AttachDocumentUseCase,
    private readonly submit: SubmitRequestUseCase,
    private readonly withdraw: WithdrawRequestUseCase,
    private readonly read: ReadOfficerRequestsUseCase,
    private readonly messages: PostMessageUseCase,
    private readonly disclosures: OfficerDisclosuresUseCase,
    private readonly emergencies: ConfirmEmergencyUseCase,
  ) {}

  @MessagePattern(COMMAND_TOPICS.requestsCreate)
  onCreate(@Payload() raw: unknown) {
    return this.commands.handle(createRequest, raw, (form, command) =>
      this.create.execute(officerScopeOf(command.actor), form, operationIdOf(command)),
    );
  }

  @MessagePattern(COMMAND_TOPICS.requestsAttachDocument)
  onAttach(@Payload() raw: unknown) {
    return this.commands.handle(attachRequestDocument, raw, (input, command) =>
      this.attach.execute(officerScopeOf(command.actor), input, operationIdOf(command)),
    );
  }

  @MessagePattern(COMMAND_TOPICS.requestsSubmit)
  onSubmit(@Payload() raw: unknown) {
    return this.commands.handle(submitRequest, raw, ({ requestId }, command) =>
      this.submit.execute(officerScopeOf(command.actor), requestId),
    );
  }

  @MessagePattern(COMMAND_TOPICS.requestsWithdraw)
  onWithdraw(@Payload() raw: unknown) {
    return this.commands.handle(withdrawRequest, raw, ({ requestId }, command) =>
      this.withdraw.execute(officerScopeOf(command.actor), requestId),
    );
  }

  @MessagePattern(COMMAND_TOPICS.requestsRead)
  onRead(@Payload() raw: unknown) {
    return this.commands.handle(readRequest, raw, ({ requestId }, command) =>
      this.read.one(officerScopeOf(command.actor), requestId),
    );
  }

  @MessagePattern(COMMAND_TOPICS.requestsList)
  onList(@Payload() raw: unknown) {
    return this.commands.handle(listRequests, raw, (query, command) =>
      this.read.page(officerScopeOf(command.actor), query),
    );
  }

  @MessagePattern(COMMAND_TOPICS.requestsPostMessage)
  onPostMessage(@Payload() raw: unknown) {
    return this.commands.handle(postRequestMessage, raw, ({ requestId, body }, command) =>
      this.messages.execute(
        { kind: 'officer', scope: officerScopeOf(command.actor) },
        requestId,
        body,
        operationIdOf(command),
      ),
    );
  }

  @MessagePattern(COMMAND_TOPICS.requestsListMessages)
  onListMessages(@Payload() raw: unknown) {
    return this.commands.handle(listRequestMessages, raw, ({ requestId, ...page }, command) =>
      this.messages.page({ kind: 'officer', scope: officerScopeOf(command.actor) }, requestId, page),
    );
  }

  @MessagePattern(COMMAND_TOPICS.requestsListDisclosures)
  onListDisclosures(@Payload() raw: unknown) {
    return this.commands.handle(listDisclosures, raw, ({ requestId }, command) =>
      this.disclosures.list(officerScopeOf(command.actor), requestId),
    );
  }

  @MessagePattern(COMMAND_TOPICS.requestsOpenDownload)
  onOpenDownload(@Payload() raw: unknown) {
    return this.commands.handle(openDisclosureDownload, raw, ({ token }, command) =>
      this.disclosures.open(officerScopeOf(command.actor), token, command.actor.ip),
    );
  }

  /** From the supervisor's e-mail: anonymous, the single-use code is the authority. */
  @MessagePattern(COMMAND_TOPICS.requestsConfirmEmergency)
  onConfirmEmergency(@Payload() raw: unknown) {
    return this.commands.handle(confirmEmergency, raw, ({ token }) => this.emergencies.execute(token));
  }
}
