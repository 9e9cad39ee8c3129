import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { testEnvironment, testInfra, waitFor, type ServiceName } from '@lers/testing';

/** A server running in a Node process of its own, as in production. */
export interface ChildServer {
  name: string;
  pid: number;
  url: string;
  /** stdout and stderr of the process, kept for post-mortem. */
  logFile: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Whatever ends the bench (a failed assertion, an uncaught error, jest exiting), no server outlives it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Where the bench compiles services and libs (git-ignored). Not the shared dist/: a type error in
 * someone's unfinished file would otherwise leave dist/ compiled but with its `@lers/*` imports
 * unresolved (tsc emits, then `npm run build` stops before tsc-alias), breaking `npm run up` for all.
 */
export const BUILD_DIR = 'bench/results/dist';

/** `npm run build`'s two steps into BUILD_DIR, so the children run the code as checked out. */
export function buildServices(): void {
  for (const [tool, ...args] of [
    ['tsc', '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR],
    ['tsc-alias', '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR],
  ]) {
    const result = spawnSync(resolve(testInfra.repoDir, 'node_modules/.bin', tool), args, {
      cwd: testInfra.repoDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(
        `${tool} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`,
      );
  }
}

/** A port nothing listens on now (the OS picks it); the child is told to listen there. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

function exitWithin(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/** SIGTERM (the services close Kafka and Mongo on it), then SIGKILL if it has not exited in time. */
async function stopChild(child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  if (!(await exitWithin(child, 0))) {
    child.kill('SIGTERM');
    if (!(await exitWithin(child, timeoutMs))) {
      appendFileSync(logFile, `[bench] still running ${timeoutMs} ms after SIGTERM: SIGKILL\n`);
      child.kill('SIGKILL');
      await exitWithin(child, 5_000);
    }
  }
  running.delete(child);
}

const tail = (file: string, lines = 30) => readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');

export interface ChildServerOptions {
  name: string;
  /** A compiled JavaScript entry point. */
  script: string;
  /** The child's whole environment, besides PATH, HOME and HTTP_PORT. */
  env: Record<string, string | undefined>;
  logDir: string;
  readyPath?: string;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
}

/**
 * Starts `node <script>` listening on a free port given as HTTP_PORT, output to `<logDir>/<name>.log`,
 * and waits (polling, with a deadline) until `readyPath` answers 2xx. Fails early if the process exits.
 */
export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const { name, readyPath = '/health/ready', readyTimeoutMs = 90_000, stopTimeoutMs = 10_000 } = options;
  mkdirSync(options.logDir, { recursive: true });
  const logFile = resolve(options.logDir, `${name}.log`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [options.script], {
    cwd: testInfra.repoDir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env, HTTP_PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  running.add(child);
  const stop = () => stopChild(child, stopTimeoutMs, logFile);

  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  try {
    const outcome = await waitFor(
      `${name} ready at ${url}${readyPath}`,
      async () =>
        hasExited()
          ? 'exited'
          : (await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(3_000) })).ok && 'ready',
      { timeoutMs: readyTimeoutMs, intervalMs: 100 },
    );
    if (outcome === 'exited')
      throw new Error(`${name} exited (${child.signalCode ?? child.exitCode}) before it was ready`);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${tail(logFile)}\n(log: ${logFile})`);
  }
  if (child.pid === undefined) throw new Error(`${name} has no pid`);
  return { name, pid: child.pid, url, logFile, stop };
}

/**
 * Starts a service from BUILD_DIR (build first: `buildServices`) with the environment the tests give it
 * (`testEnvironment`: this process's run id, so the same databases, groups, JWT keys and bootstrap admin).
 */
export function startServiceProcess(
  service: ServiceName,
  logDir: string,
  overrides: Record<string, string> = {},
): Promise<ChildServer> {
  return startChildServer({
    name: service,
    script: resolve(testInfra.repoDir, BUILD_DIR, 'services', service, 'src/main.js'),
    env: testEnvironment(service, overrides),
    logDir,
  });
}
