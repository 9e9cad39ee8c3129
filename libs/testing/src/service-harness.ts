import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@lers/config';
import { testInfra } from './infra/test-infra';

/** One id per test file: its own databases and consumer groups, so files never see each other's data. */
export const testRunId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

export type ServiceName = 'gateway' | 'access' | 'requests' | 'preservation' | 'notification';

/** The environment a service gets in tests: the test servers, a random HTTP port, short waits. */
export function testEnvironment(
  service: ServiceName,
  overrides: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LERS_TEST_LOG_LEVEL ?? 'silent',
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    KAFKA_BROKERS: testInfra.kafkaBrokers,
    KAFKA_GROUP_ID: `lers-${service}-${testRunId}`,
    KAFKA_FROM_BEGINNING: 'false',
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    KAFKA_MAX_WAIT_MS: '20',
    OUTBOX_POLL_MS: '200',
    EMAIL_POLL_MS: '200',
    MONGO_URL: testInfra.mongoUrl,
    MONGO_DB: `lers_${service}_${testRunId}`,
    MINIO_ENDPOINT: testInfra.minioEndpoint,
    MINIO_ACCESS_KEY: testInfra.minioUser,
    MINIO_SECRET_KEY: testInfra.minioPassword,
    SMTP_URL: testInfra.smtpUrl,
    MAIL_FROM: 'lers@lers.test',
    PUBLIC_BASE_URL: 'http://lers.test',
    ...overrides,
  };
}

export interface RunningService<Config> {
  app: NestFastifyApplication;
  url: string;
  config: Config;
  close(): Promise<void>;
}

/** Boots a service in-process exactly as main.ts does, with the test environment. */
export async function bootService<Config extends object>(
  service: ServiceName,
  schema: new () => Config,
  start: (config: Config) => Promise<NestFastifyApplication>,
  overrides: Record<string, string> = {},
): Promise<RunningService<Config>> {
  const config = loadConfig(schema, testEnvironment(service, overrides));
  const app = await start(config);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, config, close: () => app.close() };
}
