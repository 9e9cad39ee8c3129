import { Controller, HttpCode, Inject, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BearerGuard, OfficerGuard } from '@lers/auth';
import {
  attachRequestDocument,
  BUCKETS,
  DOCUMENT_KINDS,
  DocumentKindField,
  Problem,
  validateAs,
  type Actor,
  type StoredDocument,
} from '@lers/contracts';
import { AcceptsIdempotencyKey, idempotencyKeyOf } from '@lers/http';
import { CommandBus } from '@lers/messaging';
import { EVIDENCE_TYPES } from '@lers/storage';
import { GatewayEnv } from '../../gateway.config';
import { ApiProblems, OFFICER_ROUTE_ERRORS } from '../../openapi/problem-responses';
import { schemaRef } from '../../openapi/request-schemas';
import { readMultipart } from '../../uploads/multipart-form';
import { UploadingCommands } from '../../uploads/upload-batch';
import { OfficerActor } from '../officer-actor';

const FILE_FIELD = 'file';
const KIND_FIELD = 'kind';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests/:id/documents')
@UseGuards(BearerGuard, OfficerGuard)
export class RequestDocumentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly uploading: UploadingCommands,
    @Inject(GatewayEnv) private readonly config: GatewayEnv,
  ) {}

  @Post()
  @HttpCode(201)
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary: 'Attach a document to a draft (or to an emergency submitted before its paperwork)',
    description:
      'PDF, PNG or JPEG judged by content (not by name or declared type), at most 25 MiB. ' +
      '`kind` may come before or after `file`.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [KIND_FIELD, FILE_FIELD],
      additionalProperties: false,
      properties: {
        [KIND_FIELD]: { type: 'string', enum: [...DOCUMENT_KINDS] },
        [FILE_FIELD]: { type: 'string', format: 'binary' },
      },
    },
    encoding: { [FILE_FIELD]: { contentType: 'application/pdf, image/png, image/jpeg' } },
  })
  @ApiResponse({
    status: 201,
    description: '`{id, kind, sha256, size}`',
    schema: schemaRef('RequestDocumentView'),
  })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404, 409, 413, 415, 422])
  attach(@Param('id') requestId: string, @OfficerActor() actor: Actor, @Req() request: FastifyRequest) {
    const key = idempotencyKeyOf(request);
    return this.uploading.run(async (uploads) => {
      let document: StoredDocument | undefined;
      // Two files are let through to this handler, so a second one is a clear 400 rather than busboy's 413.
      const fields = await readMultipart(
        request,
        { maxFileBytes: this.config.MAX_DOCUMENT_BYTES, maxFiles: 2 },
        async (file) => {
          if (file.fieldname !== FILE_FIELD || document) {
            file.file.resume();
            throw Problem.validation([
              {
                field: file.fieldname,
                message: document ? 'one document per upload' : `unknown file field; use ${FILE_FIELD}`,
              },
            ]);
          }
          const { objectKey, sha256, size, contentType } = await uploads.store(file.file, {
            bucket: BUCKETS.requestDocuments,
            prefix: 'requests',
            maxBytes: this.config.MAX_DOCUMENT_BYTES,
            allowed: EVIDENCE_TYPES,
          });
          document = { objectKey, sha256, size, contentType };
        },
      );
      const { kind, ...unknown } = fields;
      const errors = Object.keys(unknown).map((field) => ({ field, message: 'unknown field' }));
      const kindField = validateAs(DocumentKindField, { kind });
      if (!kindField.ok) errors.push(...kindField.errors);
      if (!document) errors.push({ field: FILE_FIELD, message: `${FILE_FIELD} is required` });
      if (!kindField.ok || !document || errors.length) throw Problem.validation(errors);
      return this.commands.call(
        attachRequestDocument,
        { requestId, kind: kindField.value.kind, document },
        actor,
        key,
      );
    });
  }
}
