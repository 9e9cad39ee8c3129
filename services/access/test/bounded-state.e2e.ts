import { randomUUID } from 'node:crypto';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import request from 'supertest';
import { Clock } from '@lers/clock';
import { JOB_LEASE_MODEL, type JobLease, LeasedJobs, PRUNE_EVERY_MS } from '@lers/jobs';
import { openTestDatabase, type RunningService } from '@lers/testing';
import { bootAccess } from '../../../test/e2e/backbone-harness';
import { SESSION_PRUNING_JOB } from '../src/sessions/session-pruning';
import { MAX_USED_REFRESH_HASHES } from '../src/sessions/session-rules';
import { adminLogin } from './identity-helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Two replicas of the access service on one database: leased jobs, pruning, bounded sessions.
 * The replicas' own job timers first try 60 s after boot, after this file is done.
 */
describe('bounded state', () => {
  let replicas: RunningService<{ MONGO_DB: string }>[];
  let db: Connection;
  let offsetMs = 0;

  beforeAll(async () => {
    const first = await bootAccess({ MONGO_WRITE_TIMEOUT_MS: '7000' });
    replicas = [first, await bootAccess({ MONGO_DB: first.config.MONGO_DB })];
    db = await openTestDatabase(first.config.MONGO_DB);
    for (const replica of replicas) {
      jest.spyOn(replica.app.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + offsetMs));
    }
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    for (const replica of replicas ?? []) await replica.close();
    await db?.dropDatabase();
    await db?.close();
  });

  const jobsOf = (replica: RunningService<object>) => replica.app.get(LeasedJobs);

  it('runs a job on exactly one replica per period, however many tries meet', async () => {
    const name = `counting-${randomUUID()}`;
    // The two services, and three more contenders on each one's connection (as more replicas would be).
    const contenders = replicas.flatMap((replica) => [
      jobsOf(replica),
      ...[1, 2, 3].map(
        () =>
          new LeasedJobs(
            replica.app.get(Clock),
            replica.app.get<Model<JobLease>>(getModelToken(JOB_LEASE_MODEL)),
          ),
      ),
    ]);
    const runs = contenders.map(() => 0);
    contenders.forEach((jobs, index) =>
      jobs.register({ name, everyMs: HOUR, run: async () => void runs[index]++ }),
    );
    const total = () => runs.reduce((sum, n) => sum + n, 0);
    // Registration in the two services already tried the real current period. Let those tries
    // finish (runNow waits for a pass under way) before the clock moves: a try still in flight
    // would otherwise meet the next period's lease and lose to it.
    await Promise.all(contenders.map((jobs) => jobs.runNow(name)));
    expect(total()).toBe(1);
    for (const period of [1, 2, 3]) {
      offsetMs = period * HOUR;
      const tries = await Promise.all(
        contenders.flatMap((jobs) => [1, 2, 3].map(() => jobs.runNow(name).then((ran) => ({ jobs, ran })))),
      );
      const winners = tries.filter((attempt) => attempt.ran).map((attempt) => attempt.jobs.owner);
      const lease = await db.collection('job_leases').findOne({ _id: name as never });
      expect({ period, winners, total: total() }).toEqual({
        period,
        winners: [lease?.owner],
        total: 1 + period,
      });
      const leftMs = (lease?.leaseUntil.getTime() ?? 0) - (Date.now() + offsetMs);
      expect(leftMs > 0 && leftMs <= HOUR).toBe(true); // taken to the end of the current period
    }
  });

  it('deletes sessions that ended more than 30 days ago, and no others', async () => {
    offsetMs = 10 * HOUR;
    const base = Date.now() + offsetMs;
    const session = (name: string, lastUsedAt: number, revokedAt: number | null) => ({
      _id: `${name}-${randomUUID()}`,
      accountId: 'someone',
      kind: 'officer',
      refreshHash: 'x',
      usedRefreshHashes: [],
      createdAt: new Date(lastUsedAt),
      lastUsedAt: new Date(lastUsedAt),
      revokedAt: revokedAt === null ? null : new Date(revokedAt),
      revokedReason: revokedAt === null ? null : 'logout',
      revision: 1,
    });
    const minutes = (n: number) => n * 60_000;
    // Seen from base + 28 days, when the pruning runs:
    const sessions = [
      session('revoked-30-days-1-hour-ago', base - 2 * DAY - HOUR - minutes(5), base - 2 * DAY - HOUR),
      session('revoked-29-days-23-hours-ago', base - 2 * DAY + minutes(55), base - 2 * DAY + HOUR),
      // Revoked (say by a suspension) long after it had ended by being idle: it ended 31 days ago.
      session('idle-31-days-revoked-later', base - 3 * DAY, base - 2 * DAY + HOUR),
      session('used-30-days-40-minutes-ago', base - 2 * DAY - minutes(40), null),
      session('used-30-days-10-minutes-ago', base - 2 * DAY - minutes(10), null), // ended 29d 23h 40m ago
      session('live', base, null),
    ];
    await db.collection('sessions').insertMany(sessions as never[]);
    const remaining = async () =>
      (
        await db
          .collection('sessions')
          .find({ _id: { $in: sessions.map((s) => s._id) } as never })
          .toArray()
      )
        .map((s) => String(s._id).replace(/-[0-9a-f-]{36}$/, ''))
        .sort();

    expect(await jobsOf(replicas[0]).runNow(SESSION_PRUNING_JOB)).toBe(true);
    expect(await remaining()).toHaveLength(6);

    offsetMs += 28 * DAY;
    expect(await jobsOf(replicas[0]).runNow(SESSION_PRUNING_JOB)).toBe(true);
    expect(await remaining()).toEqual([
      'live',
      'revoked-29-days-23-hours-ago',
      'used-30-days-10-minutes-ago',
    ]);
    expect(PRUNE_EVERY_MS).toBe(HOUR);
  });

  it('remembers the last 20 refresh tokens of a session; the most recent old one still revokes it', async () => {
    offsetMs = 0;
    const access = replicas[0];
    const tokens = [(await adminLogin(access.url)).refreshToken];
    for (let rotation = 0; rotation < 30; rotation++) {
      const next = await request(access.url)
        .post('/internal/auth/refresh')
        .send({ refreshToken: tokens.at(-1) })
        .expect(200);
      tokens.push(next.body.refreshToken);
    }
    const sessionId = tokens[0].split('.')[0];
    const stored = await db.collection('sessions').findOne({ _id: sessionId as never });
    expect(stored?.usedRefreshHashes).toHaveLength(MAX_USED_REFRESH_HASHES);
    expect(new Set(stored?.usedRefreshHashes).size).toBe(MAX_USED_REFRESH_HASHES);

    const refresh = (refreshToken: string) =>
      request(access.url).post('/internal/auth/refresh').send({ refreshToken });
    // The oldest is forgotten: refused, but no longer recognised as a replay.
    expect((await refresh(tokens[0]).expect(401)).body.code).toBe('invalid_token');
    expect((await refresh(tokens[29]).expect(401)).body.code).toBe('refresh_token_reused');
    expect((await refresh(tokens[30]).expect(401)).body.code).toBe('invalid_token');
    expect(await db.collection('sessions').findOne({ _id: sessionId as never })).toMatchObject({
      revokedReason: 'refresh_token_reuse',
    });
  });

  it('asks a majority to acknowledge writes within MONGO_WRITE_TIMEOUT_MS', () => {
    const connection = replicas[0].app.get<Connection>(getConnectionToken());
    expect(connection.db?.writeConcern).toMatchObject({ w: 'majority', journal: true, wtimeoutMS: 7000 });
  });
});
