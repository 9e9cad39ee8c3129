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
// Nest 12 and a few other dependencies ship only ES modules; jest's CommonJS runtime needs them compiled.
const esmPackages = ['@nestjs', 'file-type', 'strtok3', 'token-types', 'peek-readable', '@tokenizer', 'uint8array-extras', 'otplib', '@otplib', '@noble', '@scure', '@borewit'];
const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': swcTs,
    '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: { '^@lers/([a-z-]+)$': '<rootDir>/libs/$1/src' },
};

module.exports = {
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
