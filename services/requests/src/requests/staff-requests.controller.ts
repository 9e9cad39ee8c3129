import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { BearerGuard, CurrentPrincipal, StaffGuard, StaffRoles, type Principal } from '@lers/auth';
import {
  BUCKETS,
  MAX_MESSAGE_LENGTH,
  MessageBody,
  PageQuery,
  Problem,
  REQUEST_STATUSES,
  type RequestStatus,
} from '@lers/contracts';
import { MAX_REJECTION_REASON_LENGTH } from '@lers/domain';
import { IdempotencyKey, readMultipart } from '@lers/http';
import { operationIdOf } from '@lers/messaging';
import { staffScopeOf, type StaffScope } from '@lers/persistence';
import { DISCLOSURE_TYPES, DocumentStore, UploadingCommands } from '@lers/storage';
import { UploadDisclosureUseCase } from '../disclosures/upload-disclosure';
import { RequestsEnv } from '../requests.config';
import { ApproveRequestUseCase } from './use-cases/approve-request';
import { AssignRequestUseCase } from './use-cases/assign-request';
import { CloseRequestUseCase } from './use-cases/close-request';
import { PostMessageUseCase } from './use-cases/post-message';
import { ReadStaffRequestsUseCase } from './use-cases/read-staff-requests';
import { RejectRequestUseCase } from './use-cases/reject-request';
import { RequestMoreInfoUseCase } from './use-cases/request-more-info';

export class StaffQueueQuery extends PageQuery {
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;
}

export class InfoRequestBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_MESSAGE_LENGTH)
  message: string;
}

export class ApprovalBody {
  /** Whether staff uphold the court's non-disclosure order (then no user notice goes out while it runs). */
  @IsBoolean()
  nonDisclosureUpheld: boolean;
}

export class RejectionBody {
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REJECTION_REASON_LENGTH * 2)
  reason: string;
}

const PACKAGE_FIELD = 'file';
/** What a staff call creates: with an Idempotency-Key, an id that follows from the caller and the key. */
const keyedId = (staff: Principal, idempotencyKey: string | undefined) =>
  idempotencyKey
    ? operationIdOf({ actor: { kind: 'staff', id: staff.accountId, roles: [] }, idempotencyKey })
    : randomUUID();
const legal = (principal: Principal): StaffScope =>
  staffScopeOf({ kind: principal.kind, id: principal.accountId, roles: principal.roles }, ['legal']);

/** The legal team's side of requests for information. */
@Controller('internal/requests')
@UseGuards(BearerGuard, StaffGuard)
@StaffRoles('legal')
export class StaffRequestsController {
  constructor(
    private readonly read: ReadStaffRequestsUseCase,
    private readonly assign: AssignRequestUseCase,
    private readonly moreInfo: RequestMoreInfoUseCase,
    private readonly approval: ApproveRequestUseCase,
    private readonly rejection: RejectRequestUseCase,
    private readonly closing: CloseRequestUseCase,
    private readonly messages: PostMessageUseCase,
    private readonly disclosures: UploadDisclosureUseCase,
    private readonly uploading: UploadingCommands,
    private readonly documents: DocumentStore,
    @Inject(RequestsEnv) private readonly config: RequestsEnv,
  ) {}

  /** Soonest due first; without `status`, everything still waiting for staff. */
  @Get()
  queue(@Query() query: StaffQueueQuery, @CurrentPrincipal() staff: Principal) {
    return this.read.queue(legal(staff), query, query.status);
  }

  @Get(':id')
  get(@Param('id') id: string, @CurrentPrincipal() staff: Principal) {
    return this.read.one(legal(staff), id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  assignTo(@Param('id') id: string, @CurrentPrincipal() staff: Principal) {
    return this.assign.execute(legal(staff), id);
  }

  @Post(':id/request-info')
  @HttpCode(200)
  requestInfo(@Param('id') id: string, @Body() body: InfoRequestBody, @CurrentPrincipal() staff: Principal) {
    return this.moreInfo.execute(legal(staff), id, body.message);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('id') id: string, @Body() body: ApprovalBody, @CurrentPrincipal() staff: Principal) {
    return this.approval.execute(legal(staff), id, body.nonDisclosureUpheld);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@Param('id') id: string, @Body() body: RejectionBody, @CurrentPrincipal() staff: Principal) {
    return this.rejection.execute(legal(staff), id, body.reason);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@Param('id') id: string, @CurrentPrincipal() staff: Principal) {
    return this.closing.execute(legal(staff), id);
  }

  @Get(':id/messages')
  thread(@Param('id') id: string, @Query() query: PageQuery, @CurrentPrincipal() staff: Principal) {
    return this.messages.page({ kind: 'staff', scope: legal(staff) }, id, query);
  }

  @Post(':id/messages')
  @HttpCode(201)
  write(
    @Param('id') id: string,
    @Body() body: MessageBody,
    @CurrentPrincipal() staff: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.messages.execute({ kind: 'staff', scope: legal(staff) }, id, body.body, keyedId(staff, key));
  }

  /** One package file (PDF, image or ZIP archive, judged by content) under the field `file`. */
  @Post(':id/disclosures')
  @HttpCode(201)
  upload(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() staff: Principal,
    @IdempotencyKey() key?: string,
  ) {
    const scope = legal(staff);
    // Multipart bodies bypass the idempotency interceptor: a keyed retry is recognised by the package id.
    const packageId = keyedId(staff, key);
    return this.uploading.run(async (uploads) => {
      const stored: { object: Awaited<ReturnType<typeof uploads.store>>; fileName: string }[] = [];
      const fields = await readMultipart(
        request,
        { maxFileBytes: this.config.MAX_DISCLOSURE_BYTES, maxFiles: 1 },
        async (file) => {
          if (file.fieldname !== PACKAGE_FIELD) {
            file.file.resume();
            throw Problem.validation([
              { field: file.fieldname, message: `unknown file field; use ${PACKAGE_FIELD}` },
            ]);
          }
          const object = await uploads.store(file.file, {
            bucket: BUCKETS.disclosures,
            prefix: 'disclosures',
            maxBytes: this.config.MAX_DISCLOSURE_BYTES,
            allowed: DISCLOSURE_TYPES,
          });
          stored.push({ object, fileName: safeFileName(file.filename, object.contentType) });
        },
      );
      const unknown = Object.keys(fields);
      if (unknown.length)
        throw Problem.validation(unknown.map((field) => ({ field, message: 'unknown field' })));
      if (!stored.length)
        throw Problem.validation([{ field: PACKAGE_FIELD, message: 'attach the package as `file`' }]);
      const [{ object, fileName }] = stored;
      return this.disclosures.execute(scope, id, object, fileName, packageId);
    });
  }

  /** An official document, as an attachment that is never rendered inline. */
  @Get(':id/documents/:documentId')
  async document(
    @Param('id') id: string,
    @Param('documentId') documentId: string,
    @CurrentPrincipal() staff: Principal,
    @Res() reply: FastifyReply,
  ) {
    const document = await this.read.document(legal(staff), id, documentId);
    const stream = await this.documents.read(BUCKETS.requestDocuments, document.objectKey);
    const extension =
      { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' }[document.contentType] ?? 'bin';
    return reply
      .header('content-type', document.contentType)
      .header('content-disposition', `attachment; filename="${document.kind}-${document.id}.${extension}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .header('x-content-sha256', document.sha256)
      .send(stream);
  }
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/zip': 'zip',
};

/** The name officers will see: letters, digits, dots, dashes; the extension follows the content. */
function safeFileName(given: string | undefined, contentType: string): string {
  const base = (given ?? 'disclosure')
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 100);
  return `${base || 'disclosure'}.${EXTENSIONS[contentType] ?? 'bin'}`;
}
