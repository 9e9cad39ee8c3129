import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { fieldsWithNulCharacters, flattenValidationErrors, Problem } from '@lers/contracts';

/**
 * Whitelisting everywhere: unknown fields are refused, never silently dropped. Text holding a NUL
 * character is refused too (no store keeps one; a 400 naming the field, not a 500 from the store).
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const nul = fieldsWithNulCharacters(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (nul.length) throw Problem.validation(nul);
    }
    return super.transform(value, metadata);
  }
}

export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => Problem.validation(flattenValidationErrors(errors)),
  });
}
