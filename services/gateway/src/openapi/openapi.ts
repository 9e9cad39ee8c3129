import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

/**
 * The agency-facing contract: JSON at /v1/openapi.json, Swagger UI at /docs. Request bodies are
 * described from the same class-validator DTOs that validate them, so the spec cannot drift.
 */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('LERS — Law Enforcement Request System')
    .setDescription(
      'Agency API. Errors are application/problem+json (RFC 9457) with a stable `code`; unknown fields ' +
        'are refused (400 validation_failed). Every response carries x-correlation-id.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const fromValidators = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' });
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      ...(fromValidators as NonNullable<typeof document.components>['schemas']),
    },
  };
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'v1/openapi.json',
    yamlDocumentUrl: 'v1/openapi.yaml',
  });
}
