import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_SCHEMA, PROBLEM_SCHEMA_NAME, type SchemaObject } from './problem-responses';
import { reachableSchemas } from './reachable-schemas';
import { REQUEST_SCHEMAS } from './request-schemas';
import { describeParameters } from './route-parameters';
import { REQUEST_SUBJECT_SCHEMA } from './subject-schema';
import { validatorSchemas } from './validator-schemas';

/**
 * The agency-facing contract: JSON at /v1/openapi.json, Swagger UI at /docs. Request bodies and
 * parameters are described from the same class-validator DTOs that validate them, so the spec
 * cannot drift; schemathesis checks it against the running gateway (contract-fuzz.e2e.ts).
 */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('LERS — Law Enforcement Request System')
    .setDescription(
      'Agency API. Errors are application/problem+json (RFC 9457) with a stable `code`; unknown fields ' +
        'are refused (400 validation_failed). Every response carries x-correlation-id.\n\n' +
        'Disclosed data is downloaded through the gateway, never from the object store: ' +
        '`GET /v1/requests/{id}/disclosures` gives each package a signed link (HMAC, valid at most 15 minutes, ' +
        'only for the officer it was issued to); `GET /v1/disclosure-downloads/{token}` checks it, records the ' +
        'download and streams the file with our own headers (attachment, nosniff, no-store, x-content-sha256). ' +
        'Agencies never reach the object store, and every download is on record.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const fromValidators = validatorSchemas();
  describeParameters(document.paths, fromValidators);
  document.components = {
    ...document.components,
    // Every class-validator class in the process has a schema (configuration, internal commands):
    // publish only those the routes refer to.
    schemas: reachableSchemas<SchemaObject>(document.paths, {
      ...(document.components?.schemas as Record<string, SchemaObject>),
      ...fromValidators,
      ...REQUEST_SCHEMAS,
      // class-validator sees one rule per field; the subject's rules depend on its type.
      RequestSubject: REQUEST_SUBJECT_SCHEMA,
      [PROBLEM_SCHEMA_NAME]: PROBLEM_SCHEMA,
    }),
  };
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'v1/openapi.json',
    yamlDocumentUrl: 'v1/openapi.yaml',
  });
}
