import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { generateSecret } from 'otplib';
import { loadConfig } from '@lers/config';
import { testInfra } from './infra/test-infra';

/** One id per test file: its own databases and consumer groups, so files never see each other's data. */
export const testRunId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

/**
 * One TOTP seed key per test process, as production has one per deployment: a service restarted
 * in the same test (or a second replica) must read the seeds the first one wrote.
 */
const testTotpEncryptionKey = `test-${testRunId}:${randomBytes(32).toString('base64')}`;

/** One ES256 key pair per test process, as production has one per deployment. */
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
export const testJwtKeys = {
  privateKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  publicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
};

/** The bootstrap admin every access service in this test file creates when it has no staff. */
export const testAdmin = {
  email: `admin-${testRunId}@lers.test`,
  password: `Bootstrap-${testRunId}-passphrase`,
  totpSecret: generateSecret(),
};

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
    OPS_PORT: '0',
    TOTP_ENCRYPTION_KEY: testTotpEncryptionKey,
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
    JWT_PRIVATE_KEY: testJwtKeys.privateKey,
    JWT_PUBLIC_KEY: testJwtKeys.publicKey,
    LERS_BOOTSTRAP_ADMIN_EMAIL: testAdmin.email,
    LERS_BOOTSTRAP_ADMIN_PASSWORD: testAdmin.password,
    LERS_BOOTSTRAP_ADMIN_TOTP_SECRET: testAdmin.totpSecret,
    PUBLIC_RATE_LIMIT_PER_MINUTE: '10000',
    DISCLOSURE_LINK_SECRET: `disclosure-links-${testRunId}-0123456789abcdef`,
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
