import { homedir } from 'node:os';
import { resolve } from 'node:path';

/**
 * The local servers the integration tier talks to. They run on their own ports and state
 * directory, so a developer's running system (default ports) is not disturbed.
 */
export const testInfra = {
  repoDir: resolve(__dirname, '../../../..'),
  kafkaPort: Number(process.env.LERS_TEST_KAFKA_PORT ?? 19092),
  kafkaControllerPort: Number(process.env.LERS_TEST_KAFKA_CONTROLLER_PORT ?? 19093),
  postgresPort: Number(process.env.LERS_TEST_PG_PORT ?? 15432),
  mongoPort: Number(process.env.LERS_TEST_MONGO_PORT ?? 27117),
  minioPort: Number(process.env.LERS_TEST_MINIO_PORT ?? 19000),
  minioConsolePort: Number(process.env.LERS_TEST_MINIO_CONSOLE_PORT ?? 19001),
  smtpPort: Number(process.env.LERS_TEST_SMTP_PORT ?? 11025),
  maildevWebPort: Number(process.env.LERS_TEST_MAILDEV_WEB_PORT ?? 11080),
  minioUser: 'lers-test',
  minioPassword: 'lers-test-secret',
  get kafkaBrokers() {
    return `127.0.0.1:${this.kafkaPort}`;
  },
  get mongoUrl() {
    return `mongodb://127.0.0.1:${this.mongoPort}`;
  },
  get minioEndpoint() {
    return `http://127.0.0.1:${this.minioPort}`;
  },
  get smtpUrl() {
    return `smtp://127.0.0.1:${this.smtpPort}`;
  },
  get maildevUrl() {
    return `http://127.0.0.1:${this.maildevWebPort}`;
  },
  get infraDir() {
    // Same rule as deploy/local/env.sh: as root, /var/lib/lers (PostgreSQL's user cannot enter /root).
    const userState = resolve(process.env.XDG_STATE_HOME ?? resolve(homedir(), '.local/state'), 'lers');
    const state = process.env.LERS_STATE_DIR ?? (process.getuid?.() === 0 ? '/var/lib/lers' : userState);
    return process.env.LERS_TEST_INFRA_DIR ?? resolve(state, 'test-infra');
  },
};

/** The environment deploy/local/infra.sh needs to manage the test servers. */
export function infraScriptEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LERS_INFRA_DIR: testInfra.infraDir,
    KAFKA_PORT: String(testInfra.kafkaPort),
    KAFKA_CONTROLLER_PORT: String(testInfra.kafkaControllerPort),
    PG_PORT: String(testInfra.postgresPort),
    MONGO_PORT: String(testInfra.mongoPort),
    MINIO_PORT: String(testInfra.minioPort),
    MINIO_CONSOLE_PORT: String(testInfra.minioConsolePort),
    MINIO_ROOT_USER: testInfra.minioUser,
    MINIO_ROOT_PASSWORD: testInfra.minioPassword,
    SMTP_PORT: String(testInfra.smtpPort),
    MAILDEV_WEB_PORT: String(testInfra.maildevWebPort),
  };
}
