import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { infraScriptEnv, testInfra } from './test-infra';

/** Runs deploy/local/infra.sh against the test ports; its progress goes to the terminal. */
export function runInfraScript(...args: string[]): string {
  const script = resolve(testInfra.repoDir, 'deploy/local/infra.sh');
  const result = spawnSync('bash', [script, ...args], {
    env: infraScriptEnv(),
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (result.status !== 0) throw new Error(`infra.sh ${args.join(' ')} failed (exit ${result.status})`);
  return result.stdout;
}
