import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { testInfra } from '@lers/testing';
import { runInfraScript } from '../../libs/testing/src/infra/infra-script';
import { benchBackboneHop, type BackboneHopResult, type SegmentSummary } from './backbone-hop';
import { benchRawKafka, type RawKafkaResult } from './raw-kafka';
import { benchRawWrite, type RawWriteResult } from './raw-write';
import { round, type BenchSettings, type LatencySummary, type ThroughputSummary } from './stats';

export interface MessagingBenchReport {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    kafka: string;
    ferretdb: string;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
  };
  settings: BenchSettings;
  results: {
    a_rawKafka: Row;
    /** (a) with no pause between samples: not used in the ratios. */
    a_rawKafkaBackToBack: LatencySummary;
    b_rawInsert: Row;
    b_rawUpdate: Row;
    /** (b) with no pause between samples: not used in the ratios. */
    b_rawInsertBackToBack: LatencySummary;
    c_backboneHop: Row;
  };
  ratios: {
    /** p50(c) / (p50(a) + p50(b insert)) */
    p50: number;
    /** p99(c) / (p99(a) + p99(b insert)) */
    p99: number;
    /** events/s(c) / min(events/s(a), writes/s(b insert)) */
    throughput: number;
  };
  breakdown: BackboneHopResult['breakdown'];
  rawSameDocument: BackboneHopResult['rawSameDocument'];
  correctness: {
    a: { sent: number; received: number; duplicates: number };
    c: BackboneHopResult['correctness'];
  };
  infra: { startedHere: string[]; stoppedAtEnd: boolean };
}

interface Row {
  latency: LatencySummary;
  throughput: ThroughputSummary;
}

const print = (text = '') => process.stdout.write(`${text}\n`);

function settingsFromEnv(): BenchSettings {
  const number = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
    return value;
  };
  return {
    warmup: number('BENCH_WARMUP', 50),
    samples: number('BENCH_SAMPLES', 300),
    pauseMs: number('BENCH_PAUSE_MS', 10),
    throughputEvents: number('BENCH_THROUGHPUT_EVENTS', 1000),
    inFlight: number('BENCH_IN_FLIGHT', 200),
    mongoPoolSize: number('BENCH_MONGO_POOL', 32),
  };
}

/** Starts the integration tier's servers (or reuses them), as its globalSetup does; returns what it started. */
function startInfra(): string[] {
  const startedHere = runInfraScript('status')
    .split('\n')
    .filter((line) => line.endsWith(': down'))
    .map((line) => line.split(':')[0]);
  runInfraScript('up');
  return startedHere;
}

/** Stops only what this run started, unless LERS_KEEP_TEST_INFRA=1 (as the integration tier's teardown). */
const willStop = (startedHere: string[]) =>
  startedHere.length > 0 && process.env.LERS_KEEP_TEST_INFRA !== '1';

export async function runMessagingBench(): Promise<MessagingBenchReport> {
  const settings = settingsFromEnv();
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const date = new Date().toISOString();
  const loadAverageBefore = loadavg().map((value) => round(value));
  print(
    `\nLERS messaging benchmark: warm-up ${settings.warmup}, ${settings.samples} latency samples ` +
      `(one in flight, ${settings.pauseMs} ms apart), ${settings.throughputEvents} events with ` +
      `${settings.inFlight} in flight for throughput`,
  );
  const startedHere = startInfra();
  print(
    startedHere.length
      ? `started ${startedHere.join(', ')} for this run`
      : 'reusing the test servers already running',
  );
  try {
    const began = performance.now();
    const step = (text: string) => print(`[${((performance.now() - began) / 1000).toFixed(1)} s] ${text}`);
    step('(a) raw kafkajs produce → consume…');
    const a: RawKafkaResult = await benchRawKafka(runId, settings);
    step('(b) raw single-document writes…');
    const b: RawWriteResult = await benchRawWrite(runId, settings);
    step('(c) backbone hop through access and notification…');
    const c = await benchBackboneHop(settings, step);
    step('done');

    const report: MessagingBenchReport = {
      date,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: round(totalmem() / 2 ** 30, 1),
        node: process.version,
        ...serverVersions(),
        loadAverageBefore,
        loadAverageAfter: loadavg().map((value) => round(value)),
      },
      settings,
      results: {
        a_rawKafka: { latency: a.latency, throughput: a.throughput },
        a_rawKafkaBackToBack: a.latencyBackToBack,
        b_rawInsert: { latency: b.insert.latency, throughput: b.insert.throughput },
        b_rawUpdate: { latency: b.update.latency, throughput: b.update.throughput },
        b_rawInsertBackToBack: b.insert.latencyBackToBack,
        c_backboneHop: { latency: c.latency, throughput: c.throughput },
      },
      ratios: {
        p50: round(c.latency.p50 / (a.latency.p50 + b.insert.latency.p50)),
        p99: round(c.latency.p99 / (a.latency.p99 + b.insert.latency.p99)),
        throughput: round(
          c.throughput.perSecond / Math.min(a.throughput.perSecond, b.insert.throughput.perSecond),
          3,
        ),
      },
      breakdown: c.breakdown,
      rawSameDocument: c.rawSameDocument,
      correctness: {
        a: { sent: a.sent, received: a.received, duplicates: a.duplicates },
        c: c.correctness,
      },
      infra: { startedHere, stoppedAtEnd: willStop(startedHere) },
    };
    printReport(report);
    const file = resolve(
      testInfra.repoDir,
      'bench/results',
      `messaging-${date.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}.json`,
    );
    mkdirSync(resolve(file, '..'), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    print(`\nwritten to ${file}`);
    return report;
  } finally {
    if (willStop(startedHere)) {
      runInfraScript('down', ...startedHere);
      print(`stopped ${startedHere.join(', ')}, which this run started`);
    } else {
      print('test servers left running (they were already up, or LERS_KEEP_TEST_INFRA=1)');
    }
  }
}

function printReport(report: MessagingBenchReport): void {
  const { results, ratios, breakdown, machine, settings } = report;
  const header = ['', 'samples', 'p50 ms', 'p99 ms', 'mean ms', 'max ms', 'events/s'];
  const row = (
    name: string,
    { latency, throughput }: { latency: LatencySummary; throughput?: ThroughputSummary },
  ) => [
    name,
    String(latency.samples),
    latency.p50.toFixed(2),
    latency.p99.toFixed(2),
    latency.mean.toFixed(2),
    latency.max.toFixed(2),
    throughput ? throughput.perSecond.toFixed(0) : '',
  ];
  print(
    `\n${report.date} · ${machine.cpus} cores (${machine.cpuModel}) · Node ${machine.node} · ` +
      `Kafka ${machine.kafka} · FerretDB ${machine.ferretdb} · load ${machine.loadAverageBefore.join(' ')}`,
  );
  print(
    `latency: one in flight, ${settings.pauseMs} ms between samples, after ${settings.warmup} discarded; ` +
      `events/s: ${settings.inFlight} in flight, ${settings.throughputEvents} events\n`,
  );
  table([
    header,
    row('(a) kafkajs produce → consume', results.a_rawKafka),
    row('    the same, back to back', { latency: results.a_rawKafkaBackToBack }),
    row('(b) insertOne (raw driver)', results.b_rawInsert),
    row('    the same, back to back', { latency: results.b_rawInsertBackToBack }),
    row('(b) updateOne by _id (raw driver)', results.b_rawUpdate),
    row('(c) backbone hop', results.c_backboneHop),
  ]);
  print(`\np50(c) / (p50(a) + p50(b)) = ${ratios.p50.toFixed(2)}`);
  print(`p99(c) / (p99(a) + p99(b)) = ${ratios.p99.toFixed(2)}`);
  print(`events/s(c) / min(events/s(a), writes/s(b)) = ${ratios.throughput.toFixed(3)}`);

  const segmentTable = (title: string, rows: SegmentSummary[]) => {
    print(`\n${title}`);
    table([
      ['', 'mean ms', 'p50 ms', 'p99 ms', 'share'],
      ...rows.map((r) => [
        r.step,
        r.mean.toFixed(2),
        r.p50.toFixed(2),
        r.p99.toFixed(2),
        r.share === undefined ? '' : `${(r.share * 100).toFixed(0)}%`,
      ]),
    ]);
  };
  segmentTable('(c) where the time goes, one in flight (critical path)', breakdown.oneInFlight.criticalPath);
  segmentTable('(c) beside the critical path, one in flight', breakdown.oneInFlight.sideSteps);
  segmentTable(
    `(c) where the time goes, ${settings.inFlight} in flight (critical path)`,
    breakdown.throughputRun.criticalPath,
  );
  segmentTable(
    `(c) beside the critical path, ${settings.inFlight} in flight`,
    breakdown.throughputRun.sideSteps,
  );
  const raw = report.rawSameDocument;
  print('\nreference: raw insertOne of the same documents into the same collections (with their indexes)');
  table([
    ['', 'samples', 'p50 ms', 'p99 ms', 'mean ms'],
    ...(
      [
        ['access_applications (state + outbox)', raw.accessApplicationInsert],
        ['outgoing_emails (consumer write)', raw.outgoingEmailInsert],
      ] as const
    ).map(([name, s]) => [name, String(s.samples), s.p50.toFixed(2), s.p99.toFixed(2), s.mean.toFixed(2)]),
  ]);
  const { a, c } = report.correctness;
  print(`\ncorrectness (a): sent ${a.sent}, received ${a.received}, duplicates ${a.duplicates}`);
  print(
    `correctness (c): submitted ${c.submitted}, e-mail records ${c.emailRecords}, ledger done ${c.ledgerDone}, ` +
      `outbox pending ${c.outboxStillPending}, redelivered ${c.redeliveredToConsumer}, ` +
      `handler ran again ${c.handlerRanAgain}, foreign events ${c.foreignEventsSeen}`,
  );
}

function table(rows: string[][]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((r) => r[column].length)));
  for (const r of rows) {
    print(
      r
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column])))
        .join('  '),
    );
  }
}

function serverVersions(): { kafka: string; ferretdb: string } {
  const env = readFileSync(resolve(testInfra.repoDir, 'deploy/local/env.sh'), 'utf8');
  const version = (name: string) => env.match(new RegExp(`^${name}=(\\S+)$`, 'm'))?.[1] ?? 'unknown';
  return { kafka: version('KAFKA_VERSION'), ferretdb: version('FERRETDB_VERSION') };
}
