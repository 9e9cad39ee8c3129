import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInfraScript } from './infra-script';
import { testInfra } from './test-infra';

/** Stops what this run started (set LERS_KEEP_TEST_INFRA=1 to keep it for faster reruns). */
export default async function globalTeardown(): Promise<void> {
  const marker = resolve(testInfra.infraDir, 'started-by-tests.json');
  if (!existsSync(marker)) return;
  const startedHere: string[] = JSON.parse(readFileSync(marker, 'utf8'));
  rmSync(marker);
  if (process.env.LERS_KEEP_TEST_INFRA === '1' || startedHere.length === 0) return;
  runInfraScript('down', ...startedHere);
}
