import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { IdempotentCommands, LersKafkaServer } from '@lers/messaging';
import { instrumentFastify, Metrics } from '@lers/observability';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { ProblemFilter } from './problem.filter';
import { strictValidationPipe } from './validation.pipe';

export interface StartOptions {
  host: string;
  port: number;
  /** Consume this service's Kafka topics (every service but the gateway). */
  consumeKafka: boolean;
  /** Runs before listening: OpenAPI, multipart, rate limits… */
  configure?: (app: NestFastifyApplication) => Promise<void> | void;
}

/** Builds and starts one LERS service the same way in production, `npm run up` and the tests. */
export async function startService(
  root: DynamicModule,
  options: StartOptions,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    root,
    // maxParamLength: signed download tokens (up to 600 characters) travel as a path parameter.
    new FastifyAdapter({
      bodyLimit: 1024 * 1024,
      trustProxy: true,
      return503OnClosing: true,
      routerOptions: { maxParamLength: 1000 },
    }),
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(strictValidationPipe());
  // Services that own data honour Idempotency-Key on their internal routes; the gateway passes
  // the key on to them instead.
  if (options.consumeKafka)
    app.useGlobalInterceptors(new IdempotencyInterceptor(app.get(IdempotentCommands)));
  app.enableShutdownHooks();
  instrumentFastify(app.getHttpAdapter().getInstance(), app.get(Metrics));
  await options.configure?.(app);
  if (options.consumeKafka) {
    app.connectMicroservice({ strategy: app.get(LersKafkaServer) }, { inheritAppConfig: true });
  }
  // Bootstrap hooks provision topics and buckets before anything subscribes or serves.
  await app.init();
  if (options.consumeKafka) await app.startAllMicroservices();
  await app.listen({ port: options.port, host: options.host });
  return app;
}
