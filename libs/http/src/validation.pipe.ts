import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors, Problem } from '@lers/contracts';

/** Whitelisting everywhere: unknown fields are refused, never silently dropped. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => Problem.validation(flattenValidationErrors(errors)),
  });
}
