import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { currentCorrelationId } from '../correlation/correlation';
import { correlationIdOf } from '../correlation/request-correlation';
import { maskSecrets } from './mask-secrets';

/** JSON logs on stdout, each line with the service name and the correlation id. */
export function loggingModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      // Through process.stdout (not pino's direct fd writer) so a test can read what is logged.
      stream: process.stdout,
      level,
      base: { service },
      messageKey: 'message',
      genReqId: (request) => correlationIdOf(request),
      customProps: () => ({ correlationId: currentCorrelationId() }),
      mixin: () => ({ correlationId: currentCorrelationId() }),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      formatters: { log: (object) => maskSecrets(object) as Record<string, unknown> },
      autoLogging: { ignore: (request) => /^\/(health|metrics)/.test(request.url ?? '') },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    },
  });
}
