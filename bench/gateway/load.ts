import { spawn } from 'node:child_process';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface LoadTarget {
  url: string;
  /** Each request picks one of these paths at random. */
  paths: string[];
  headers?: Record<string, string>;
}

/**
 * The load generator (autocannon) runs in a process of its own, so it does not share the event
 * loop of the servers it measures. Each request goes to a random path of the list.
 */
const SCRIPT = `
const autocannon = require('autocannon');
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
const { url, paths, headers, connections, duration } = JSON.parse(input);
autocannon({
  url, connections, duration, headers,
  requests: [{ setupRequest: (req) => ({ ...req, path: paths[Math.floor(Math.random() * paths.length)] }) }],
}, (error, result) => {
  if (error) { console.error(error); process.exit(1); }
  process.stdout.write(JSON.stringify({
    requests: result.requests.total, perSecond: result.requests.average,
    p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors,
  }));
});
});
`;

export function loadTest(
  target: LoadTarget,
  connections: number,
  durationSeconds: number,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
    // The paths go through stdin: ten thousand of them exceed what an argument may hold.
    child.stdin.end(JSON.stringify({ ...target, connections, duration: durationSeconds }));
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`autocannon exited ${code}`)),
    );
  });
}
