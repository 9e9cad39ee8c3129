import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Problem } from '@lers/contracts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,200}$/;

/** The request's Idempotency-Key, if any: 1–200 visible ASCII characters (a UUID is ideal). */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY.test(value)) {
    throw Problem.validation([
      { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters, e.g. a UUID' },
    ]);
  }
  return value;
}

export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext) =>
  idempotencyKeyOf(context.switchToHttp().getRequest<FastifyRequest>()),
);

/** Documents the header on a route that honours it. */
export const AcceptsIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Retry-safe key, per caller: the same key and body return the first result and change nothing more ' +
        '(kept 24 hours); the same key with another body is 422 idempotency_key_reused; while the first ' +
        'request with it still runs, 409 idempotency_key_in_use.',
    }),
  );
