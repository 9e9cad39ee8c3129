import helmet from '@fastify/helmet';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { IdempotentCommands, LersKafkaServer } from '@lers/messaging';
import { instrumentFastify, Metrics, startOpsListener } from '@lers/observability';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { answerMethodNotAllowed } from './method-not-allowed';
import { ProblemFilter } from './problem.filter';
import { strictValidationPipe } from './validation.pipe';

export interface StartOptions {
  host: string;
  port: number;
  /** The operations listener's port (`/metrics`, detailed health); none when omitted. */
  opsPort?: number;
  /** Reverse proxies whose X-Forwarded-For is believed; none by default (the TCP peer is the client). */
  trustedProxies?: string[];
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
      // Believing every X-Forwarded-For would let a client pick its own address and so its own
      // rate-limit bucket: only the configured proxies are trusted.
      trustProxy: options.trustedProxies?.length ? options.trustedProxies : false,
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
  const fastify = app.getHttpAdapter().getInstance();
  instrumentFastify(fastify, app.get(Metrics));
  answerMethodNotAllowed(fastify);
  await app.register(helmet, { global: true });
  // Answers carry tokens, TOTP secrets and case data: nothing may be cached unless a route says so.
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
  await options.configure?.(app);
  if (options.consumeKafka) {
    app.connectMicroservice({ strategy: app.get(LersKafkaServer) }, { inheritAppConfig: true });
  }
  // Bootstrap hooks provision topics and buckets before anything subscribes or serves.
  await app.init();
  if (options.consumeKafka) await app.startAllMicroservices();
  if (options.opsPort !== undefined) {
    const ops = await startOpsListener(app, { host: options.host, port: options.opsPort });
    fastify.addHook('onClose', async () => ops.close());
  }
  await app.listen({ port: options.port, host: options.host });
  return app;
}
