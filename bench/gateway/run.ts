import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import request from 'supertest';
import { informationRequestForm, openTestDatabase, testInfra } from '@lers/testing';
import { runInfraScript } from '../../libs/testing/src/infra/infra-script';
import { peakRssOfProcessDuring } from '../support/process-memory';
import { buildServices } from '../support/service-processes';
import { bootServicesInProcess, startServiceProcesses, type BenchStack } from './bench-stack';
import { loadTest, type LoadResult } from './load';
import { startRawReadProcess } from './raw-read-process';
import { serveRawReads, type RawReadRoutes } from './raw-read-server';
import { minioClient, pdfStream, uploadThroughGateway } from './uploads';

const MiB = 2 ** 20;
const print = (text = '') => process.stdout.write(`${text}\n`);
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const settings = {
  /** 0 boots the services in the bench's own process, as before (for comparison). */
  servicesInOwnProcesses: process.env.BENCH_IN_PROCESS !== '1',
  connections: setting('BENCH_CONNECTIONS', 32),
  durationSeconds: setting('BENCH_DURATION_S', 10),
  seededRequests: setting('BENCH_REQUESTS', 10_000),
  uploads: setting('BENCH_UPLOADS', 3),
  uploadMiB: 25,
  sessionViewTtlMs: setting('BENCH_SESSION_VIEW_TTL_MS', 60_000),
};

interface ReadComparison {
  gateway: LoadResult;
  raw: LoadResult;
  throughputRatio: number;
  p99Ratio: number;
}

const compare = (gateway: LoadResult, raw: LoadResult): ReadComparison => ({
  gateway,
  raw,
  throughputRatio: round(gateway.perSecond / raw.perSecond),
  p99Ratio: round(gateway.p99 / raw.p99),
});

const loadAverage = () => loadavg().map((value) => round(value));

/** The raw read server: in a process of its own, or (in-process mode) in this one. */
async function startRawReads(routes: RawReadRoutes, runDir: string) {
  if (!settings.servicesInOwnProcesses) return serveRawReads(testInfra.mongoUrl, routes);
  const child = await startRawReadProcess(routes, runDir);
  return { url: child.url, close: child.stop };
}

/** P1 (authenticated reads against a raw read) and P3 (uploads against a raw MinIO put, memory). */
export async function runGatewayBench() {
  const date = new Date().toISOString();
  const loadAtStart = loadAverage();
  print(`\nload average at start: ${loadAtStart.join(' ')} (${cpus().length} CPUs)`);
  // Logs of the child processes and the compiled raw read server, kept for post-mortem.
  const runDir = resolve(testInfra.repoDir, 'bench/results', `gateway-${date.replace(/:/g, '-')}`);
  const startedHere = runInfraScript('status')
    .split('\n')
    .filter((line) => line.endsWith(': down'))
    .map((line) => line.split(':')[0]);
  runInfraScript('up');
  const gatewayOverrides = {
    MAX_DOCUMENT_BYTES: String(100 * MiB),
    SESSION_VIEW_TTL_MS: String(settings.sessionViewTtlMs),
  };
  let stack: BenchStack | undefined;
  const rawBucket = `lers-bench-raw-${Date.now().toString(36)}`;
  try {
    if (settings.servicesInOwnProcesses) {
      if (process.env.BENCH_BUILD !== '0') buildServices();
      stack = await startServiceProcesses(runDir, gatewayOverrides);
      print(`services in their own processes (gateway pid ${stack.gatewayPid}), logs in ${runDir}`);
    } else {
      stack = await bootServicesInProcess(gatewayOverrides);
      print('services in the bench process (BENCH_IN_PROCESS=1)');
    }
    const gatewayUrl = stack.gatewayUrl;
    const officer = await stack.officer();
    const bearer = { authorization: `Bearer ${officer.accessToken}` };
    const ids = await seedRequests(gatewayUrl, stack.databases.requests, bearer, settings.seededRequests);
    const accountId = (await request(gatewayUrl).get('/v1/me').set(bearer).expect(200)).body.officer.id;

    print(`P1: ${settings.connections} connections, ${settings.durationSeconds} s each`);
    const raw = await startRawReads(
      {
        '/raw/requests': { database: stack.databases.requests, collection: 'information_requests' },
        '/raw/accounts': { database: stack.databases.access, collection: 'accounts' },
      },
      runDir,
    );
    const load = (url: string, paths: string[], headers?: Record<string, string>) =>
      loadTest({ url, paths, headers }, settings.connections, settings.durationSeconds);
    let p1: { requests: ReadComparison; me: ReadComparison };
    try {
      await load(gatewayUrl, ['/v1/me'], bearer); // warm-up: JIT, connection pools, the session view
      const requestPaths = ids.map((id) => `/v1/requests/${id}`);
      p1 = {
        requests: compare(
          await load(gatewayUrl, requestPaths, bearer),
          await load(
            raw.url,
            ids.map((id) => `/raw/requests/${id}`),
          ),
        ),
        me: compare(
          await load(gatewayUrl, ['/v1/me'], bearer),
          await load(raw.url, [`/raw/accounts/${accountId}`]),
        ),
      };
    } finally {
      await raw.close();
    }

    print(`P3: ${settings.uploads} × ${settings.uploadMiB} MiB through the gateway and straight to MinIO`);
    const draft = async () =>
      (await request(gatewayUrl).post('/v1/requests').set(bearer).send(informationRequestForm()).expect(201))
        .body.id as string;
    const upload = async (size: number) => {
      const id = await draft();
      const response = await uploadThroughGateway(
        `${gatewayUrl}/v1/requests/${id}/documents`,
        officer.accessToken,
        size,
      );
      if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${response.body}`);
    };
    const minio = minioClient();
    await minio.makeBucket(rawBucket);
    const timed = async (one: () => Promise<unknown>) => {
      const started = performance.now();
      for (let i = 0; i < settings.uploads; i++) await one();
      return (settings.uploads * settings.uploadMiB) / ((performance.now() - started) / 1000);
    };
    const size = settings.uploadMiB * MiB;
    await upload(size); // warm-up
    const gatewayMiBs = await timed(() => upload(size));
    const rawMiBs = await timed(() => minio.putObject(rawBucket, randomUUID(), pdfStream(size), size));
    const memory5 = await peakRssOfProcessDuring(stack.gatewayPid, () => upload(5 * MiB));
    const memory100 = await peakRssOfProcessDuring(stack.gatewayPid, () => upload(100 * MiB));

    const report = {
      date,
      machine: {
        cpus: cpus().length,
        node: process.version,
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: loadAverage(),
      },
      settings,
      p1,
      p3: {
        gatewayMiBPerSecond: round(gatewayMiBs, 1),
        rawMinioMiBPerSecond: round(rawMiBs, 1),
        ratio: round(gatewayMiBs / rawMiBs),
        memory: {
          of: settings.servicesInOwnProcesses
            ? 'the gateway process'
            : 'the bench process (all four services)',
          upload5MiB: memory5,
          upload100MiB: memory100,
        },
      },
      logs: settings.servicesInOwnProcesses ? runDir : undefined,
    };
    printReport(report);
    const file = `${runDir}.json`;
    mkdirSync(resolve(file, '..'), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    print(`written to ${file}`);
    return report;
  } finally {
    await removeBucket(rawBucket).catch(() => undefined);
    await stack?.close();
    if (startedHere.length > 0 && process.env.LERS_KEEP_TEST_INFRA !== '1')
      runInfraScript('down', ...startedHere);
  }
}

/** One request created through the gateway, then copies of its stored document inserted with the driver. */
async function seedRequests(
  gatewayUrl: string,
  database: string,
  bearer: Record<string, string>,
  count: number,
): Promise<string[]> {
  const created = await request(gatewayUrl)
    .post('/v1/requests')
    .set(bearer)
    .send(informationRequestForm())
    .expect(201);
  const connection = await openTestDatabase(database);
  try {
    const stored = connection.db!.collection<{ _id: string }>('information_requests');
    const template = await stored.findOne({ _id: created.body.id as string });
    if (!template) throw new Error('the created request was not stored');
    const ids = [template._id];
    while (ids.length < count) {
      const copies = Array.from({ length: Math.min(1000, count - ids.length) }, () => ({
        ...template,
        _id: randomUUID(),
      }));
      await stored.insertMany(copies);
      ids.push(...copies.map((copy) => copy._id));
    }
    return ids;
  } finally {
    await connection.close();
  }
}

async function removeBucket(bucket: string): Promise<void> {
  const minio = minioClient();
  const names: string[] = [];
  for await (const item of minio.listObjects(bucket, '', true) as AsyncIterable<{ name?: string }>) {
    if (item.name) names.push(item.name);
  }
  await minio.removeObjects(bucket, names);
  await minio.removeBucket(bucket);
}

function printReport({ machine, p1, p3 }: Awaited<ReturnType<typeof runGatewayBench>>): void {
  const line = (name: string, r: LoadResult) =>
    `${name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  non-2xx ${r.non2xx}  errors ${r.errors}`;
  const memory = (label: string, m: (typeof p3.memory)['upload5MiB']) =>
    `${label}: RSS ${m.startRssMiB} → peak ${m.peakRssMiB} MiB (${m.peakFrom})`;
  print();
  print(line('gateway GET /v1/requests/{id}', p1.requests.gateway));
  print(line('raw Fastify + driver, same docs', p1.requests.raw));
  print(
    `  ratios: throughput ${p1.requests.throughputRatio} (goal ≥ 0.5), p99 ${p1.requests.p99Ratio} (goal ≤ 2)`,
  );
  print(line('gateway GET /v1/me', p1.me.gateway));
  print(line('raw Fastify + driver, the account', p1.me.raw));
  print(`  ratios: throughput ${p1.me.throughputRatio} (goal ≥ 0.5), p99 ${p1.me.p99Ratio} (goal ≤ 2)`);
  print(
    `P3: gateway ${p3.gatewayMiBPerSecond} MiB/s, raw MinIO put ${p3.rawMinioMiBPerSecond} MiB/s, ratio ${p3.ratio} (goal ≥ 0.7)`,
  );
  print(`P3 memory of ${p3.memory.of}:`);
  print(`  ${memory('uploading 5 MiB', p3.memory.upload5MiB)}`);
  print(`  ${memory('uploading 100 MiB', p3.memory.upload100MiB)}`);
  print(
    `load average: ${machine.loadAverageAtStart.join(' ')} at start, ${machine.loadAverageAtEnd.join(' ')} at end`,
  );
}
