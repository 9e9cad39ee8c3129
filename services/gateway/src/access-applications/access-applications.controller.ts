import { Controller, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
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
import { ApiProblems } from '../openapi/problem-responses';

const PROOF_FIELD = 'proofOfAuthority';
const APPLICATION_FIELD = 'application';

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
  @ApiResponse({ status: 201, description: 'Received: the officer is e-mailed a verification link' })
  @ApiProblems([400, 409, 413, 415, 422, 429, 503])
  @ApiBody({
    schema: {
      type: 'object',
      required: [APPLICATION_FIELD, PROOF_FIELD],
      additionalProperties: false,
      properties: {
        [APPLICATION_FIELD]: {
          $ref: '#/components/schemas/AccessApplicationForm',
          description: 'The application as JSON; must be the first part',
        },
        [PROOF_FIELD]: {
          type: 'array',
          minItems: 1,
          maxItems: 10,
          items: { type: 'string', format: 'binary' },
        },
      },
    },
    encoding: {
      [APPLICATION_FIELD]: { contentType: 'application/json' },
      [PROOF_FIELD]: { contentType: 'application/pdf, image/png, image/jpeg' },
    },
  })
  apply(@Req() request: FastifyRequest) {
    return this.uploading.run(async (uploads) => {
      const proofOfAuthority: StoredDocument[] = [];
      let form: AccessApplicationForm | undefined;
      // The form is checked as soon as it arrives, before any file: a refused application stores
      // nothing (and whatever a later refusal leaves is discarded by UploadingCommands).
      const onField = (name: string, value: string) => {
        if (name !== APPLICATION_FIELD) throw Problem.validation([{ field: name, message: 'unknown field' }]);
        const parsed = validateAs(AccessApplicationForm, parseJsonField({ [name]: value }, name));
        if (!parsed.ok)
          throw Problem.validation(
            parsed.errors.map((e) => ({ ...e, field: `${APPLICATION_FIELD}.${e.field}` })),
          );
        form = parsed.value;
      };
      await readMultipart(
        request,
        { maxFileBytes: this.config.MAX_DOCUMENT_BYTES, maxFiles: 10 },
        async (file) => {
          if (file.fieldname !== PROOF_FIELD || !form) file.file.resume();
          if (file.fieldname !== PROOF_FIELD) {
            throw Problem.validation([
              { field: file.fieldname, message: `unknown file field; use ${PROOF_FIELD}` },
            ]);
          }
          if (!form) {
            throw Problem.validation([
              {
                field: APPLICATION_FIELD,
                message: `${APPLICATION_FIELD} must be the first part, before the files`,
              },
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
        onField,
      );
      if (!form) parseJsonField({}, APPLICATION_FIELD);
      return this.commands.call(
        submitAccessApplication,
        { ...(form as AccessApplicationForm), proofOfAuthority },
        { kind: 'anonymous', roles: [], ip: request.ip },
        idempotencyKeyOf(request),
      );
    });
  }
}
