import { applyDecorators } from '@nestjs/common';
import { ApiResponse, type OpenAPIObject } from '@nestjs/swagger';

/** An OpenAPI schema (not a $ref); @nestjs/swagger exports the document type only. */
export type SchemaObject = Exclude<
  NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string],
  { $ref: string }
>;

export const PROBLEM_SCHEMA_NAME = 'ProblemDetails';

/** RFC 9457 problem details as every LERS error is sent. */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'status', 'code', 'title', 'detail'],
  properties: {
    type: { type: 'string', example: 'https://lers.dev/problems/validation_failed' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable, machine-readable reason' },
    title: { type: 'string' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const MEANING: Record<number, string> = {
  400: 'Invalid input (`validation_failed`, with `errors[]`): unknown fields are refused; nothing changed',
  401: 'No valid bearer token (`unauthorized`)',
  403: 'The token is not an officer’s (`forbidden`)',
  404: 'No such resource among the officer’s own (`not_found`); another agency’s look the same',
  409: 'Not allowed in the current state (`invalid_transition`), or the Idempotency-Key is in use',
  413: 'The document is larger than the limit (`document_too_large`)',
  415: 'Not a PDF, PNG or JPEG by content (`unsupported_document`), or not multipart',
  422: 'Refused by a rule (see `code`), or the Idempotency-Key was used for another request',
  429: 'Too many requests from this address (`too_many_requests`)',
  503: 'A LERS service is unavailable; retry later (`service_unavailable`)',
};

/** Documents each error status a route can answer, as problem+json with its usual meaning (or `overrides`). */
export function ApiProblems(statuses: number[], overrides: Record<number, string> = {}) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: overrides[status] ?? MEANING[status] ?? 'Error',
        content: {
          'application/problem+json': { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } },
        },
      }),
    ),
  );
}

/** The errors of every officer route: bad input, no token, not an officer, a service away. */
export const OFFICER_ROUTE_ERRORS = [400, 401, 403, 503];
