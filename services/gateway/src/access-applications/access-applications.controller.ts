import { Controller, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  AccessApplicationForm,
  BUCKETS,
  Problem,
  submitAccessApplication,
  validateAs,
  type StoredDocument,
} from '@lers/contracts';
import { CommandBus } from '@lers/messaging';
import { EVIDENCE_TYPES } from '@lers/storage';
import { GatewayEnv } from '../gateway.config';
import { AcceptsIdempotencyKey, idempotencyKeyOf } from '@lers/http';
import { parseJsonField, readMultipart } from '../uploads/multipart-form';
import { UploadingCommands } from '../uploads/upload-batch';

const PROOF_FIELD = 'proofOfAuthority';

@ApiTags('access')
@Controller('v1/access-applications')
@UseGuards(ThrottlerGuard)
export class AccessApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly uploading: UploadingCommands,
    @Inject(GatewayEnv) private readonly config: GatewayEnv,
  ) {}

  @Post()
  @HttpCode(201)
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: 'Apply for access on behalf of an agency' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['application', PROOF_FIELD],
      properties: {
        application: { type: 'string', description: 'JSON: {agency, officer, supervisor, declaration}' },
        [PROOF_FIELD]: { type: 'array', items: { type: 'string', format: 'binary' } },
      },
    },
  })
  apply(@Req() request: FastifyRequest) {
    return this.uploading.run(async (uploads) => {
      const proofOfAuthority: StoredDocument[] = [];
      const fields = await readMultipart(
        request,
        { maxFileBytes: this.config.MAX_DOCUMENT_BYTES, maxFiles: 10 },
        async (file) => {
          if (file.fieldname !== PROOF_FIELD) {
            file.file.resume();
            throw Problem.validation([
              { field: file.fieldname, message: `unknown file field; use ${PROOF_FIELD}` },
            ]);
          }
          const { objectKey, sha256, size, contentType } = await uploads.store(file.file, {
            bucket: BUCKETS.accessDocuments,
            prefix: 'access-applications',
            maxBytes: this.config.MAX_DOCUMENT_BYTES,
            allowed: EVIDENCE_TYPES,
          });
          proofOfAuthority.push({ objectKey, sha256, size, contentType });
        },
      );
      const unknown = Object.keys(fields).filter((name) => name !== 'application');
      if (unknown.length)
        throw Problem.validation(unknown.map((field) => ({ field, message: 'unknown field' })));
      const form = validateAs(AccessApplicationForm, parseJsonField(fields, 'application'));
      if (!form.ok)
        throw Problem.validation(form.errors.map((e) => ({ ...e, field: `application.${e.field}` })));
      return this.commands.call(
        submitAccessApplication,
        { ...form.value, proofOfAuthority },
        { kind: 'anonymous', roles: [], ip: request.ip },
        idempotencyKeyOf(request),
      );
    });
  }
}
