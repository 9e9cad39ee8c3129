import { writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInfraScript } from './infra-script';
import { testInfra } from './test-infra';

/** Starts the real servers once per test run, or reuses ones already answering on the test ports. */
export default async function globalSetup(): Promise<void> {
  const before = runInfraScript('status');
  const startedHere = before
    .split('\n')
    .filter((line) => line.endsWith(': down'))
    .map((line) => line.split(':')[0]);
  runInfraScript('up');
  mkdirSync(testInfra.infraDir, { recursive: true });
  writeFileSync(resolve(testInfra.infraDir, 'started-by-tests.json'), JSON.stringify(startedHere));
}
