import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { testInfra } from '@lers/testing';
import {
  measureLatency,
  measureThroughput,
  summarize,
  withTimeout,
  type BenchSettings,
  type LatencySummary,
  type ThroughputSummary,
} from './stats';

export interface RawWriteSeries {
  latency: LatencySummary;
  /** The same, each write issued as soon as the previous one returned (no pause). */
  latencyBackToBack: LatencySummary;
  throughput: ThroughputSummary;
}

export interface RawWriteResult {
  insert: RawWriteSeries;
  update: RawWriteSeries;
}

/**
 * (b) One single-document write on the MongoDB-wire server through the native driver (mongoose's
 * connection, the services' write concern), no schema, no hooks: insertOne of a document shaped
 * like the consumer's outgoing e-mail, and updateOne by _id of such a document.
 */
export async function benchRawWrite(runId: string, settings: BenchSettings): Promise<RawWriteResult> {
  const connection = await mongoose
    .createConnection(testInfra.mongoUrl, {
      dbName: `lers_bench_${runId}`,
      writeConcern: { w: 'majority', j: true },
      serverSelectionTimeoutMS: 5000,
      // FerretDB 1.24 holds a PostgreSQL connection while an update acquires another from its pool
      // of 50: 50 updates at once deadlock the server for good. The driver keeps the other
      // operations in flight queued on its side.
      maxPoolSize: settings.mongoPoolSize,
    })
    .asPromise();
  try {
    const db = connection.db;
    if (!db) throw new Error('not connected to the MongoDB-wire server');
    const collection = db.collection<{ _id: string }>('bench_writes');
    await collection.insertOne(emailLike('create-the-collection'));

    const ids: string[] = [];
    const insertOne = async (): Promise<number> => {
      const document = emailLike(`${randomUUID()}:email-verification`);
      const started = performance.now();
      await withTimeout(collection.insertOne(document), 30_000, 'insertOne');
      const elapsed = performance.now() - started;
      ids.push(document._id);
      return elapsed;
    };
    let turn = 0;
    const updateOne = async (): Promise<number> => {
      const _id = ids[turn++ % ids.length];
      const started = performance.now();
      const result = await withTimeout(
        collection.updateOne(
          { _id },
          { $set: { status: 'sent', sentAt: new Date(), leaseUntil: null }, $inc: { attempts: 1 } },
        ),
        30_000,
        'updateOne',
      );
      if (result.matchedCount !== 1) throw new Error(`updateOne matched ${result.matchedCount} documents`);
      return performance.now() - started;
    };

    // Throughput first: it also warms the server up for the latency samples that follow.
    const measure = async (one: () => Promise<number>) => {
      const throughput = await measureThroughput(settings.throughputEvents, settings.inFlight, async () => {
        await one();
      });
      const latency = await measureLatency(settings.warmup, settings.samples, one, settings.pauseMs);
      const backToBack = await measureLatency(0, settings.samples, one, 0);
      return { latency: summarize(latency), latencyBackToBack: summarize(backToBack), throughput };
    };
    const insert = await measure(insertOne);
    const update = await measure(updateOne);
    return { insert, update };
  } finally {
    await withTimeout(connection.dropDatabase(), 30_000, 'dropDatabase').catch(() => undefined);
    await connection.close(true);
  }
}

function emailLike(_id: string) {
  const now = new Date();
  return {
    _id,
    template: 'email-verification',
    to: 'alex.officer@met.police.uk',
    subject: 'LERS: confirm your e-mail address',
    text: 'x'.repeat(700),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leaseUntil: null,
    lastError: null,
    correlationId: randomUUID(),
    createdAt: now,
    sentAt: null,
  };
}
