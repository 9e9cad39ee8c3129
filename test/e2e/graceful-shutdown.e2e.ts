import { unusedTotp } from '../../services/access/test/identity-helpers';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { Connection } from 'mongoose';
import { EVENT_TOPICS } from '@lers/contracts';
import {
  KafkaProbe,
  openTestDatabase,
  testAdmin,
  testEnvironment,
  testInfra,
  testRunId,
  waitFor,
} from '@lers/testing';

/**
 * SIGTERM under load, as Kubernetes stops a pod: the access service runs as its own process (the
 * built dist/, as in the image) while admins keep creating staff members — each a write with its
 * event in the document's outbox. After SIGTERM the process must answer what it took, publish
 * what it wrote and exit; a restarted one then finishes the rest. Nothing lost, nothing doubled.
 */

const REPO_ROOT = join(__dirname, '..', '..');
const CLIENTS = 8;
/** SIGTERM once this many creations have been answered: the rest are in flight or queued. */
const ANSWERED_BEFORE_SIGTERM = 30;

interface Attempt {
  index: number;
  email: string;
  key: string;
  outcome?: 'created' | 'refused' | 'cut-off';
  status?: number;
  error?: string;
}

/** Messages on a topic so far, summed over its partitions (the high watermarks). */
async function messagesOn(topic: string): Promise<number> {
  const admin = new Kafka({ brokers: [testInfra.kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

function startAccess(port: number): { child: ChildProcess; output: string[] } {
  const output: string[] = [];
  const child = spawn(process.execPath, ['dist/services/access/src/main.js'], {
    cwd: REPO_ROOT,
    env: {
      ...testEnvironment('access', { HTTP_PORT: String(port), LOG_LEVEL: 'warn' }),
      PATH: process.env.PATH,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
}

async function ready(url: string): Promise<void> {
  await waitFor(
    'the access service to be ready',
    async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200,
    { timeoutMs: 60_000 },
  );
}

async function adminToken(url: string): Promise<string> {
  const response = await fetch(`${url}/internal/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: testAdmin.email,
      password: testAdmin.password,
      // Access takes each code once: a second admin log-in in this file needs a code not yet used.
      totp: await unusedTotp(testAdmin.totpSecret),
    }),
  });
  const body = (await response.json()) as { accessToken: string };
  expect({ status: response.status, body: response.status === 200 ? 'ok' : body }).toEqual({
    status: 200,
    body: 'ok',
  });
  return body.accessToken;
}

/** One creation; the outcome says whether the service took it (201), refused it, or cut it off. */
async function create(url: string, token: string, attempt: Attempt): Promise<Attempt> {
  try {
    const response = await fetch(`${url}/internal/staff`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': attempt.key,
        // One request per connection: a kept-alive socket closed by the server between two
        // requests is a client-side retry question, not the service's.
        connection: 'close',
      },
      body: JSON.stringify({ email: attempt.email, fullName: `Staff ${attempt.index}`, roles: ['reviewer'] }),
    });
    await response.arrayBuffer();
    if (response.status === 201) return { ...attempt, outcome: 'created', status: 201 };
    if (response.status === 503) return { ...attempt, outcome: 'refused', status: 503 };
    return { ...attempt, outcome: 'cut-off', status: response.status };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    // Refused before any byte was sent: the server had stopped listening.
    if (cause?.code === 'ECONNREFUSED') return { ...attempt, outcome: 'refused', error: cause.code };
    return { ...attempt, outcome: 'cut-off', error: String(cause?.code ?? error) };
  }
}

describe('graceful shutdown under load (access service as a child process)', () => {
  let port: number;
  let url: string;
  let db: Connection;
  let probe: KafkaProbe;
  /** Messages on the access events topic when the probe started: it sees every one after. */
  let messagesBefore: number;
  let running: { child: ChildProcess; output: string[] } | undefined;
  const attempts: Attempt[] = [];

  beforeAll(async () => {
    // The image runs the compiled services; so does this test.
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 180_000 });
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    db = await openTestDatabase(`lers_access_${testRunId}`);
    probe = await KafkaProbe.watch(EVENT_TOPICS.accessEvents);
    messagesBefore = await messagesOn(EVENT_TOPICS.accessEvents);
  }, 240_000);

  afterAll(async () => {
    running?.child.kill('SIGKILL');
    await probe?.stop();
    await db?.close();
  });

  const invitedEventsFor = (accountId: string) =>
    probe.seen
      .map(
        (message) =>
          JSON.parse(message.value ?? '{}') as { id: string; type: string; payload: { accountId?: string } },
      )
      .filter((event) => event.type === 'access.staff.invited' && event.payload.accountId === accountId);

  const storedStaff = async () =>
    db
      .collection<{ _id: string; email: string; outbox: unknown[]; outboxPending: boolean }>('accounts')
      .find({ email: { $regex: `^graceful-${testRunId}-` } })
      .toArray();

  it('answers what it took, publishes what it wrote, and exits within the grace period', async () => {
    running = startAccess(port);
    await ready(url);
    const token = await adminToken(url);

    let next = 0;
    let answered = 0;
    let stopping = false;
    const client = async () => {
      for (;;) {
        const index = next++;
        const attempt: Attempt = {
          index,
          email: `graceful-${testRunId}-${index}@exchange.test`,
          key: `graceful-${testRunId}-${index}`,
        };
        const result = await create(url, token, attempt);
        attempts.push(result);
        if (result.outcome === 'created') answered++;
        else break;
        if (stopping && answered > ANSWERED_BEFORE_SIGTERM + 400) break;
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    await waitFor('creations to be answered under load', () => answered >= ANSWERED_BEFORE_SIGTERM, {
      timeoutMs: 30_000,
    });
    const signalledAt = Date.now();
    stopping = true;
    running.child.kill('SIGTERM');
    const [code, signal] = (await once(running.child, 'exit')) as [number | null, NodeJS.Signals | null];
    const stoppedInMs = Date.now() - signalledAt;
    await Promise.all(clients);
    const { output } = running;
    running = undefined;

    // Every request got its answer, a 503, or — when its connection was accepted but its bytes not
    // yet read as the listener closed — a reset; never an error status. A reset must have changed
    // nothing (checked below: stored is exactly what was answered), so a retry with its
    // Idempotency-Key is safe. In Kubernetes, preStop takes the pod out of the endpoints first.
    expect(attempts.filter((a) => a.outcome === 'cut-off' && a.status !== undefined)).toEqual([]);
    expect(attempts.some((a) => a.outcome === 'refused')).toBe(true);
    const created = attempts.filter((a) => a.outcome === 'created').map((a) => a.email);

    // What was stored is exactly what was answered 201, and every outbox was flushed before exit.
    const stored = await storedStaff();
    expect(stored.map((s) => s.email).sort()).toEqual([...created].sort());
    expect(stored.filter((s) => s.outboxPending || s.outbox.length > 0).map((s) => s.email)).toEqual([]);
    // … so each event is already on Kafka, with the service gone.
    await waitFor('every stored account’s invitation on Kafka', () =>
      stored.every((s) => invitedEventsFor(s._id).length >= 1),
    );
    // Nest re-raises the signal once its shutdown hooks are done; an error on the way would exit 1.
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    expect(stoppedInMs).toBeLessThan(20_000);
    expect(output.join('')).not.toMatch(/"level":(50|60)/);
  });

  it('a restarted service finishes the refused ones: each account once, each event published once', async () => {
    running = startAccess(port);
    await ready(url);
    const token = await adminToken(url);
    const retried = await Promise.all(
      attempts.filter((a) => a.outcome !== 'created').map((a) => create(url, token, a)),
    );
    expect(retried.filter((a) => a.outcome !== 'created')).toEqual([]);

    const stored = await storedStaff();
    expect(stored.map((s) => s.email).sort()).toEqual(attempts.map((a) => a.email).sort());
    await waitFor('every outbox flushed', async () =>
      (await storedStaff()).every((s) => !s.outboxPending && s.outbox.length === 0),
    );
    await waitFor('every invitation on Kafka', () =>
      stored.every((s) => invitedEventsFor(s._id).length >= 1),
    );
    // Everything on the topic since the probe started has reached it: no duplicate can still be on its way.
    const published = (await messagesOn(EVENT_TOPICS.accessEvents)) - messagesBefore;
    await waitFor('the probe to read the whole topic', () => probe.seen.length >= published);
    const doubled = stored.filter((s) => invitedEventsFor(s._id).length !== 1).map((s) => s.email);
    expect(doubled).toEqual([]);
  });
});
