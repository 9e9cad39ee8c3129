import { Controller, HttpCode, Inject, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BearerGuard, OfficerGuard } from '@lers/auth';
import {
  attachPreservationDocument,
  BUCKETS,
  Problem,
  type Actor,
  type StoredDocument,
} from '@lers/contracts';
import { AcceptsIdempotencyKey, idempotencyKeyOf } from '@lers/http';
import { CommandBus } from '@lers/messaging';
import { EVIDENCE_TYPES } from '@lers/storage';
import { GatewayEnv } from '../gateway.config';
import { ApiProblems, OFFICER_ROUTE_ERRORS } from '../openapi/problem-responses';
import { OfficerActor } from '../requests/officer-actor';
import { readMultipart } from '../uploads/multipart-form';
import { UploadingCommands } from '../uploads/upload-batch';
import { preservationDocumentSchema } from './preservation-schemas';

const FILE_FIELD = 'file';

/** The preservation letter (or other paperwork) of an order: kept under S3 legal hold while it is active. */
@ApiTags('preservations')
@ApiBearerAuth()
@Controller('v1/preservations/:id/documents')
@UseGuards(BearerGuard, OfficerGuard)
export class PreservationDocumentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly uploading: UploadingCommands,
    @Inject(GatewayEnv) private readonly config: GatewayEnv,
  ) {}

  @Post()
  @HttpCode(201)
  @AcceptsIdempotencyKey()
  @ApiOperation({
    summary: 'Attach a document (e.g. the preservation letter) to an active order',
    description:
      'PDF, PNG or JPEG judged by content, at most 25 MiB. The stored version is put under S3 legal ' +
      'hold until the order expires or is released.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [FILE_FIELD],
      additionalProperties: false,
      properties: { [FILE_FIELD]: { type: 'string', format: 'binary' } },
    },
    encoding: { [FILE_FIELD]: { contentType: 'application/pdf, image/png, image/jpeg' } },
  })
  @ApiResponse({ status: 201, description: 'The recorded document', schema: preservationDocumentSchema })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404, 409, 413, 415, 422], {
    409: 'The order has expired or was released (`invalid_transition`); nothing was kept',
  })
  attach(@Param('id') preservationId: string, @OfficerActor() actor: Actor, @Req() request: FastifyRequest) {
    const key = idempotencyKeyOf(request);
    return this.uploading.run(async (uploads) => {
      let document: StoredDocument | undefined;
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
            bucket: BUCKETS.preservationDocuments,
            prefix: 'preservations',
            maxBytes: this.config.MAX_DOCUMENT_BYTES,
            allowed: EVIDENCE_TYPES,
          });
          document = { objectKey, sha256, size, contentType };
        },
      );
      const errors = Object.keys(fields).map((field) => ({ field, message: 'unknown field' }));
      if (!document) errors.push({ field: FILE_FIELD, message: `${FILE_FIELD} is required` });
      if (!document || errors.length) throw Problem.validation(errors);
      return this.commands.call(attachPreservationDocument, { preservationId, document }, actor, key);
    });
  }
}
