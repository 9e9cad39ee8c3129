// Benchmarks run on demand (`npm run bench:messaging`), never with the test suite. They reuse the
// integration tier's compilation settings (Nest 12 is ESM-only; the root config compiles it for jest)
// but not its globalSetup: each benchmark starts, and stops, the servers it needs itself.
const { resolve } = require('node:path');
const root = require('../jest.config.js');

const integration = root.projects.find((project) => project.displayName === 'integration');
const { testEnvironment, transform, transformIgnorePatterns, moduleNameMapper, setupFiles } = integration;

module.exports = {
  rootDir: resolve(__dirname, '..'),
  displayName: 'bench',
  testEnvironment,
  transform,
  transformIgnorePatterns,
  moduleNameMapper,
  setupFiles,
  testMatch: ['<rootDir>/bench/**/*.bench.ts'],
  testTimeout: 15 * 60_000,
};
