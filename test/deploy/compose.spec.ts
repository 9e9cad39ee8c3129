import { type ConfigClass, loadConfig, variableNames } from '@lers/config';
import { AccessEnv } from '../../services/access/src/access.config';
import { GatewayEnv } from '../../services/gateway/src/gateway.config';
import { NotificationEnv } from '../../services/notification/src/notification.config';
import { PreservationEnv } from '../../services/preservation/src/preservation.config';
import { RequestsEnv } from '../../services/requests/src/requests.config';
import { composeSpecErrors } from './compose-schema';
import {
  type ComposeService,
  dockerIgnores,
  environmentOf,
  interpolate,
  loadComposeFile,
  parseDotenv,
  readRepoFile,
  referencesIn,
  stringsIn,
} from './compose-file';
import { parseDockerfile, variablesSetBy } from './dockerfile';

/**
 * Static checks of docker-compose.yml, Dockerfile and .dockerignore: there is no Docker engine in
 * CI, so these read the files and check them against the Compose Specification's schema and the
 * deployment rules below. Pure: reads repository files only.
 */

// ---------------------------------------------------------------------------------------------
// What the deployment must look like
// ---------------------------------------------------------------------------------------------

type Infrastructure = 'kafka' | 'mongo' | 'minio' | 'maildev';

/** Official images at pinned versions: Kafka 4.1.1, MongoDB 8, a dated MinIO release, MailDev 2. */
const INFRASTRUCTURE: Record<Infrastructure, { image: RegExp; dataPath?: string }> = {
  kafka: { image: /^apache\/kafka:4\.1\.1$/, dataPath: '/var/lib/kafka/data' },
  mongo: { image: /^mongo:8(\.\d+){0,2}$/, dataPath: '/data/db' },
  minio: { image: /^minio\/minio:RELEASE\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/, dataPath: '/data' },
  maildev: { image: /^maildev\/maildev:2\.\d+\.\d+$/ },
};

interface AppService {
  port: number;
  uses: Infrastructure[];
  database?: string;
  /** Variables only this service may see. */
  own?: string[];
}

const APPS: Record<string, AppService> = {
  gateway: { port: 3000, uses: ['kafka', 'minio'] },
  access: {
    port: 3001,
    uses: ['kafka', 'mongo', 'minio'],
    database: 'lers_access',
    own: [
      'JWT_PRIVATE_KEY',
      'TOTP_ENCRYPTION_KEY',
      'TOTP_ENCRYPTION_PREVIOUS_KEYS',
      'LERS_BOOTSTRAP_ADMIN_EMAIL',
      'LERS_BOOTSTRAP_ADMIN_PASSWORD',
      'LERS_BOOTSTRAP_ADMIN_TOTP_SECRET',
    ],
  },
  requests: {
    port: 3002,
    uses: ['kafka', 'mongo', 'minio'],
    database: 'lers_requests',
    own: ['DISCLOSURE_LINK_SECRET', 'PUBLIC_BASE_URL'],
  },
  preservation: { port: 3003, uses: ['kafka', 'mongo', 'minio'], database: 'lers_preservation' },
  notification: {
    port: 3004,
    uses: ['kafka', 'mongo', 'maildev'],
    database: 'lers_notification',
    own: ['MAIL_FROM', 'PUBLIC_BASE_URL'],
  },
};

/** What each service validates its environment with at start (libs/config's loadConfig). */
const CONFIG_CLASSES: Record<string, ConfigClass<object>> = {
  gateway: GatewayEnv,
  access: AccessEnv,
  requests: RequestsEnv,
  preservation: PreservationEnv,
  notification: NotificationEnv,
};

const EVERY_SERVICE_READS = [
  'NODE_ENV',
  'LOG_LEVEL',
  'HTTP_HOST',
  'HTTP_PORT',
  'OPS_PORT',
  'TRUSTED_PROXIES',
  'JWT_PUBLIC_KEY',
];
const READS_FOR: Record<Infrastructure, string[]> = {
  kafka: ['KAFKA_BROKERS'],
  mongo: ['MONGO_URL', 'MONGO_DB'],
  minio: ['MINIO_ENDPOINT', 'MINIO_ACCESS_KEY', 'MINIO_SECRET_KEY'],
  maildev: ['SMTP_URL'],
};

function expectedVariables(app: AppService): string[] {
  return [
    ...new Set([
      ...EVERY_SERVICE_READS,
      ...app.uses.flatMap((infra) => READS_FOR[infra]),
      ...(app.own ?? []),
    ]),
  ].sort();
}

const KAFKA_BROKERS = 'kafka:9092';
/** Fixed values, and how each app service reaches the infrastructure: by its Compose service name. */
const FIXED_VALUES: Record<string, string | RegExp> = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  HTTP_HOST: '0.0.0.0',
  KAFKA_BROKERS,
  MONGO_URL: /^mongodb:\/\/mongo:27017(\/|$)/,
  MINIO_ENDPOINT: 'http://minio:9000',
  SMTP_URL: 'smtp://maildev:1025',
  PUBLIC_BASE_URL: /^https?:\/\//,
};

/** Variables whose value is a secret: never written in docker-compose.yml. */
const SECRET_NAME = /SECRET|PASSWORD|PRIVATE_KEY|TOTP/;
/** `${NAME}`, `${NAME:?why}` or `${NAME?why}`: from the environment, with no default written here. */
const FROM_ENVIRONMENT = /^\$\{[A-Za-z_][A-Za-z0-9_]*(:?\?[^}]*)?\}$/;

// ---------------------------------------------------------------------------------------------
// The files
// ---------------------------------------------------------------------------------------------

const compose = loadComposeFile();
const envExample = parseDotenv(readRepoFile('deploy/compose/.env.example'));
/** The file as Compose would run it with the shipped .env.example. */
const resolved = interpolate(compose, envExample);
const dockerfile = parseDockerfile(readRepoFile('Dockerfile'));
const dockerignore = readRepoFile('.dockerignore');

const appNames = Object.keys(APPS);
const infraNames = Object.keys(INFRASTRUCTURE) as Infrastructure[];
const service = (name: string): ComposeService => compose.services[name];
const resolvedEnv = (name: string) => environmentOf(resolved.services[name]);
const dependenciesOf = (s: ComposeService): Record<string, { condition?: string }> =>
  Array.isArray(s.depends_on) ? Object.fromEntries(s.depends_on.map((d) => [d, {}])) : (s.depends_on ?? {});
const finalStage = dockerfile.stages[dockerfile.stages.length - 1];

// ---------------------------------------------------------------------------------------------
// docker-compose.yml
// ---------------------------------------------------------------------------------------------

describe('docker-compose.yml', () => {
  it('is valid under the Compose Specification schema once its variables are substituted', () => {
    expect(composeSpecErrors(resolved)).toEqual([]);
  });

  it('defines the five application services and the four infrastructure services, and nothing else', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...appNames, ...infraNames].sort());
  });

  it('uses the official infrastructure images at pinned versions', () => {
    for (const name of infraNames) {
      expect({ name, image: service(name).image }).toEqual({
        name,
        image: expect.stringMatching(INFRASTRUCTURE[name].image),
      });
    }
  });

  it('runs every application service from the one image built by the Dockerfile, chosen by its command', () => {
    const images = new Set(appNames.map((name) => service(name).image));
    expect(images.size).toBe(1);
    for (const name of appNames) {
      expect(service(name).build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
      expect(service(name).command).toEqual(['node', `dist/services/${name}/src/main.js`]);
    }
  });

  it('gives each application service exactly the variables its role reads', () => {
    for (const [name, app] of Object.entries(APPS)) {
      expect({ name, variables: Object.keys(environmentOf(service(name))).sort() }).toEqual({
        name,
        variables: expectedVariables(app),
      });
    }
  });

  it('points each application service at its port, its database and the infrastructure by service name', () => {
    for (const [name, app] of Object.entries(APPS)) {
      const env = resolvedEnv(name);
      expect({ name, HTTP_PORT: env.HTTP_PORT }).toEqual({ name, HTTP_PORT: String(app.port) });
      expect({ name, MONGO_DB: env.MONGO_DB }).toEqual({ name, MONGO_DB: app.database });
      for (const [variable, expected] of Object.entries(FIXED_VALUES)) {
        if (!(variable in env)) continue;
        const matcher = typeof expected === 'string' ? expected : expect.stringMatching(expected);
        expect({ name, [variable]: env[variable] }).toEqual({ name, [variable]: matcher });
      }
    }
  });

  it("passes each service's own configuration class, which declares the shared variables", () => {
    for (const [name, app] of Object.entries(APPS)) {
      const schema = CONFIG_CLASSES[name];
      const declared = variableNames(schema);
      const shared = [...EVERY_SERVICE_READS, ...app.uses.flatMap((infra) => READS_FOR[infra])];
      expect({ name, undeclared: shared.filter((v) => !declared.includes(v)) }).toEqual({
        name,
        undeclared: [],
      });
      expect(() => loadConfig(schema, resolvedEnv(name))).not.toThrow();
    }
  });

  it('writes no secret: every secret variable comes from the environment or .env', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const [variable, value] of Object.entries(environmentOf(s))) {
        if (SECRET_NAME.test(variable)) {
          expect({ service: name, variable, value }).toEqual({
            service: name,
            variable,
            value: expect.stringMatching(FROM_ENVIRONMENT),
          });
        }
      }
    }
    // Nor a secret hidden in a default: ${SECRET:-literal}.
    for (const { path, value } of stringsIn(compose)) {
      for (const ref of referencesIn(value)) {
        if (SECRET_NAME.test(ref.name) || /ACCESS_KEY|JWT_/.test(ref.name)) {
          expect({ at: path.join('.'), variable: ref.name, operator: ref.operator }).toEqual({
            at: path.join('.'),
            variable: ref.name,
            operator: expect.stringMatching(/^:?\??$/),
          });
        }
      }
    }
    expect(readRepoFile('docker-compose.yml')).not.toMatch(/-----BEGIN [A-Z ]*KEY-----/);
  });

  it('has every variable it requires in deploy/compose/.env.example, secrets as placeholders', () => {
    const required = stringsIn(compose)
      .flatMap(({ value }) => referencesIn(value))
      .filter((ref) => ref.operator.includes('?'))
      .map((ref) => ref.name);
    expect([...new Set(required)].filter((name) => !envExample[name])).toEqual([]);
    for (const [name, value] of Object.entries(envExample)) {
      if (SECRET_NAME.test(name))
        expect({ name, value }).toEqual({ name, value: expect.stringMatching(/replace-?me/i) });
    }
    // It tells how to make the ES256 key pair.
    expect(readRepoFile('deploy/compose/.env.example')).toContain('openssl ecparam -name prime256v1');
  });

  it('starts each application service only after the infrastructure it uses is healthy', () => {
    for (const [name, app] of Object.entries(APPS)) {
      const dependencies = dependenciesOf(service(name));
      expect({ name, dependsOn: Object.keys(dependencies).sort() }).toEqual({
        name,
        dependsOn: [...app.uses].sort(),
      });
      for (const [dependency, { condition }] of Object.entries(dependencies)) {
        expect({ name, dependency, condition }).toEqual({ name, dependency, condition: 'service_healthy' });
      }
    }
  });

  it('publishes a host port for the gateway only among the application services; infrastructure on loopback', () => {
    for (const name of appNames) {
      const ports = resolved.services[name].ports ?? [];
      if (name === 'gateway') {
        expect(ports).toHaveLength(1);
        expect(String(ports[0])).toMatch(/:3000$/);
      } else {
        expect({ name, ports }).toEqual({ name, ports: [] });
      }
      expect(service(name).network_mode).toBeUndefined();
    }
    for (const name of infraNames) {
      for (const port of resolved.services[name].ports ?? []) {
        expect({ name, port: String(port) }).toEqual({
          name,
          port: expect.stringMatching(/^127\.0\.0\.1:\d+:\d+$/),
        });
      }
    }
  });

  it('checks every application service with GET /health/ready on its own port, using node (no curl in slim images)', () => {
    for (const [name, app] of Object.entries(APPS)) {
      const { healthcheck } = service(name);
      expect(healthcheck?.disable).not.toBe(true);
      const test = healthcheck?.test;
      expect(Array.isArray(test) && test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
      const script = (test as string[]).slice(3).join(' ');
      expect(script).toContain('/health/ready');
      expect(script).toMatch(new RegExp(`process\\.env\\.HTTP_PORT|:${app.port}/`));
      expect(script).toContain('fetch(');
    }
  });

  it('has a healthcheck on every infrastructure service', () => {
    for (const name of infraNames) {
      const { healthcheck } = service(name);
      expect({ name, disabled: healthcheck?.disable === true }).toEqual({ name, disabled: false });
      expect({ name, test: healthcheck?.test }).toEqual({
        name,
        test: expect.arrayContaining([expect.any(String)]),
      });
    }
  });

  it('runs Kafka as one KRaft node that creates no topic by itself, replication factor 1', () => {
    const env = resolvedEnv('kafka');
    expect(env.KAFKA_NODE_ID).toBe('1');
    expect(env.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS ?? env.KAFKA_CONTROLLER_QUORUM_BOOTSTRAP_SERVERS).toBeTruthy();
    expect(env.KAFKA_ADVERTISED_LISTENERS).toContain(`://${KAFKA_BROKERS}`);
    expect(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    const factors = Object.entries(env).filter(([k]) => /REPLICATION_FACTOR|MIN_ISR/.test(k));
    expect(factors.length).toBeGreaterThanOrEqual(3);
    for (const [variable, value] of factors) expect({ variable, value }).toEqual({ variable, value: '1' });
    expect(env.CLUSTER_ID).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('runs MongoDB as the replica set the services connect to, and MinIO with their credentials', () => {
    const mongoUrl = new URL(resolvedEnv('access').MONGO_URL);
    const replicaSet = mongoUrl.searchParams.get('replicaSet');
    const mongoCommand = resolved.services.mongo.command as string[] | undefined;
    if (replicaSet) expect(mongoCommand).toEqual(expect.arrayContaining(['--replSet', replicaSet]));
    const minio = environmentOf(service('minio'));
    const client = environmentOf(service('access'));
    expect(minio.MINIO_ROOT_USER).toBe(client.MINIO_ACCESS_KEY);
    expect(minio.MINIO_ROOT_PASSWORD).toBe(client.MINIO_SECRET_KEY);
    expect(service('minio').command).toEqual(['server', '/data', '--console-address', ':9001']);
  });

  it('keeps Kafka, MongoDB and MinIO data in named volumes', () => {
    for (const name of infraNames) {
      const { dataPath } = INFRASTRUCTURE[name];
      if (!dataPath) continue;
      const mounts = (service(name).volumes ?? []).map((v) =>
        typeof v === 'string' ? { source: v.split(':')[0], target: v.split(':')[1] } : v,
      );
      const data = mounts.find((m) => m.target === dataPath);
      expect({ name, source: data?.source }).toEqual({
        name,
        source: expect.stringMatching(/^[a-z0-9][a-z0-9_.-]*$/),
      });
      expect(Object.keys(compose.volumes ?? {})).toContain(data?.source);
    }
    expect(resolvedEnv('kafka').KAFKA_LOG_DIRS).toBe(INFRASTRUCTURE.kafka.dataPath);
  });

  it('restarts every service unless it was stopped', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      expect({ name, restart: s.restart }).toEqual({
        name,
        restart: expect.stringMatching(/^(unless-stopped|always)$/),
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Dockerfile and .dockerignore
// ---------------------------------------------------------------------------------------------

describe('Dockerfile', () => {
  it('is multi-stage, every stage on the official Debian slim Node image, Node 22 or later', () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of dockerfile.stages) {
      const [, major] = /^node:(\d+)-bookworm-slim$/.exec(stage.image) ?? [];
      expect({ stage: stage.name, image: stage.image, supported: Number(major) >= 22 }).toEqual({
        stage: stage.name,
        image: stage.image,
        supported: true,
      });
    }
  });

  it('runs its final stage as a non-root user, in production mode, starting a service from dist/', () => {
    const users = finalStage.instructions.filter((i) => i.keyword === 'USER').map((i) => i.args[0]);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:.*)?$/);
    // USER is the last instruction that changes who runs: nothing after it runs as root again.
    const lastUser = finalStage.instructions.map((i) => i.keyword).lastIndexOf('USER');
    expect(finalStage.instructions.slice(lastUser + 1).filter((i) => i.keyword === 'RUN')).toEqual([]);
    expect(variablesSetBy(finalStage.instructions, 'ENV').NODE_ENV).toBe('production');
    const cmd = finalStage.instructions.filter((i) => i.keyword === 'CMD').pop();
    expect(cmd?.args).toEqual(['node', expect.stringMatching(/^dist\/services\/[a-z]+\/src\/main\.js$/)]);
  });

  it('copies neither the source tree nor devDependencies into the final stage', () => {
    const copies = finalStage.instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
    for (const copy of copies) {
      const sources = copy.args.slice(0, -1);
      const from = copy.flags.from;
      if (from === undefined) {
        // From the build context: the package manifest only.
        expect(sources.every((s) => /^package(-lock)?\.json$/.test(s))).toBe(true);
        continue;
      }
      const stage = dockerfile.stages.find((s) => s.name === from);
      expect(stage).toBeDefined();
      for (const source of sources) {
        expect(source).not.toMatch(/(^|\/)(src|libs|services|test)(\/|$)|\.ts$/);
        if (/node_modules/.test(source)) {
          // …from a stage that installed production dependencies only.
          const installs = stage?.instructions.filter(
            (i) => i.keyword === 'RUN' && /\bnpm (ci|install)\b/.test(i.text),
          );
          expect(installs?.length).toBeGreaterThan(0);
          for (const install of installs ?? []) expect(install.text).toMatch(/--omit=dev|--production\b/);
        }
      }
    }
    for (const run of finalStage.instructions.filter(
      (i) => i.keyword === 'RUN' && /\bnpm (ci|install)\b/.test(i.text),
    )) {
      expect(run.text).toMatch(/--omit=dev/);
    }
  });

  it('declares no secret in an ARG or ENV', () => {
    const names = [
      ...Object.keys(dockerfile.globalArgs),
      ...dockerfile.stages.flatMap((s) => [
        ...Object.keys(variablesSetBy(s.instructions, 'ARG')),
        ...Object.keys(variablesSetBy(s.instructions, 'ENV')),
      ]),
    ];
    expect(names.filter((name) => /SECRET|PASSWORD|PRIVATE|TOKEN|KEY|TOTP|CREDENTIAL/i.test(name))).toEqual(
      [],
    );
  });
});

describe('.dockerignore', () => {
  it('sends the manifests and the service and library sources, and keeps out dependencies, builds, secrets and git', () => {
    const sent = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
    sent.push('libs/config/src/index.ts', 'services/access/src/main.ts');
    const kept = [
      'node_modules/yaml/package.json',
      'services/access/node_modules/x.js',
      'dist/services/access/src/main.js',
      '.env',
      'deploy/compose/.env',
      '.git/HEAD',
      '.lers/infra/data/x',
      'libs/config/src/load-config.spec.ts',
    ];
    expect(sent.filter((path) => dockerIgnores(dockerignore, path))).toEqual([]);
    expect(kept.filter((path) => !dockerIgnores(dockerignore, path))).toEqual([]);
  });
});
