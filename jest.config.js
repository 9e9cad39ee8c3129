// Two tiers: `unit` (pure rules, no I/O, *.spec.ts beside the code) and `integration`
// (services/*/test and test/: real Kafka, MongoDB-wire server, MinIO and SMTP, started once per run).
const swcTs = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// Nest 12 and many of its dependencies ship only ES modules, which jest's CommonJS runtime cannot
// load: compile every package except big CommonJS ones that never need it (jest caches the output).
const commonJsPackages = [
  'mongodb',
  'mongoose',
  'bson',
  'kafkajs',
  'minio',
  'typescript',
  'prom-client',
  'pino',
  'fastify',
  'class-validator',
  'rxjs',
  'lodash',
  'ajv',
  'yaml',
];
const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': swcTs,
    '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(${commonJsPackages.join('|')})/`],
  moduleNameMapper: {
    '^@lers/([a-z-]+)$': '<rootDir>/libs/$1/src',
    // file-type exports only an ES-module condition that jest's resolver does not match.
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  },
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // Integration tests talk to real servers: a first consumer-group join after a broker start can take seconds.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{services,libs,deploy,test}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{services,test}/**/*.e2e.ts'],
      globalSetup: '<rootDir>/libs/testing/src/infra/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/infra/global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
};
