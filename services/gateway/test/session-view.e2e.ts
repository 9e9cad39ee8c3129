import type { Connection } from 'mongoose';
import request from 'supertest';
import { COMMAND_TOPICS, EVENT_TOPICS } from '@lers/contracts';
import { KafkaProbe, openTestDatabase, waitFor, type RunningService } from '@lers/testing';
import { bootAccess, bootGateway, bootNotification } from '../../../test/e2e/backbone-harness';
import { activeOfficer, adminLogin, unusedTotp } from '../../access/test/identity-helpers';
import { SessionEventStream } from '../src/auth/session-event-stream';
import { SessionView } from '../src/auth/session-view';

type Officer = Awaited<ReturnType<typeof activeOfficer>>;
interface Tokens {
  accessToken: string;
  refreshToken: string;
}
type Session = Tokens & { id: string; accountId: string };

const PROMPT_MS = 1000;

/** The gateway answers session checks from memory; revocations reach every replica within a second. */
describe('gateway session view', () => {
  let access: RunningService<{ MONGO_DB: string }>;
  let notification: RunningService<{ MONGO_DB: string }>;
  let gateways: RunningService<object>[];
  let accessDb: Connection;
  let adminToken: string;
  let probe: KafkaProbe;
  let officer: Officer;

  beforeAll(async () => {
    notification = await bootNotification();
    access = await bootAccess();
    gateways = [await bootGateway(), await bootGateway()];
    accessDb = await openTestDatabase(access.config.MONGO_DB);
    adminToken = (await adminLogin(access.url)).accessToken;
    probe = await KafkaProbe.watch(
      COMMAND_TOPICS.accessCheckSession,
      COMMAND_TOPICS.accessMe,
      EVENT_TOPICS.accessEvents,
    );
    officer = await activeOfficer(gateways[0].url, access.url, adminToken);
    for (const gateway of gateways) {
      await waitFor('the session view to be in use', () => streamOf(gateway).whyBypassed() === undefined);
    }
  });

  afterAll(async () => {
    await probe?.stop();
    for (const gateway of gateways ?? []) await gateway.close();
    await access?.close();
    await notification?.close();
    await accessDb?.dropDatabase();
    await accessDb?.close();
  });

  const streamOf = (gateway: RunningService<object>) => gateway.app.get(SessionEventStream);
  const viewOf = (gateway: RunningService<object>) => gateway.app.get(SessionView);
  const sessionIdOf = (tokens: Tokens) => tokens.refreshToken.split('.')[0];
  const me = (gateway: RunningService<object>, tokens: Tokens) =>
    request(gateway.url).get('/v1/me').set('authorization', `Bearer ${tokens.accessToken}`);
  const login = async (who: Officer): Promise<Tokens> =>
    (
      await request(gateways[0].url)
        .post('/v1/auth/login')
        // Several log-ins of one officer: each needs a code access has not taken yet.
        .send({ email: who.email, password: who.password, totp: await unusedTotp(who.totpSecret) })
        .expect(200)
    ).body;
  const sessions = () => accessDb.collection('sessions');

  /**
   * Each gateway's own view, asked as its bearer guard asks it. Over HTTP, in-process apps share
   * passport's one global `jwt` strategy (the last booted app's), so HTTP alone could not tell the
   * two views apart; in production each gateway is a process of its own.
   */
  const viewSays = (gateway: RunningService<object>, session: Session) =>
    viewOf(gateway).isLive(session.id, { accountId: session.accountId });

  /** A logged-in session, used once over HTTP (which tells us its officer). */
  async function loggedIn(who: Officer): Promise<Session> {
    const tokens = await login(who);
    const profile = await me(gateways[0], tokens).expect(200);
    return { ...tokens, id: sessionIdOf(tokens), accountId: profile.body.officer.id };
  }

  /** Every gateway's view holds the session in memory. */
  async function warm(session: Session) {
    for (const gateway of gateways) {
      await me(gateway, session).expect(200);
      expect(await viewSays(gateway, session)).toBe(true);
      expect(viewOf(gateway).cache.answer(session.id, Date.now())).toBe('live');
    }
  }

  /** Polls (1 s deadline) until the gateway refuses the session, over HTTP and in its own view. */
  async function refusedWithin(gateway: RunningService<object>, session: Session, since: number) {
    await waitFor(
      'the session to be refused',
      async () => !(await viewSays(gateway, session)) && (await me(gateway, session)).status === 401,
      { timeoutMs: PROMPT_MS, intervalMs: 20 },
    );
    const elapsed = Date.now() - since;
    expect(elapsed).toBeLessThan(PROMPT_MS);
    return elapsed;
  }

  /** Refused by every gateway within a second, learnt from the event (a tombstone, not a round trip). */
  async function refusedEverywhere(session: Session, since: number) {
    const elapsed = await Promise.all(gateways.map((gateway) => refusedWithin(gateway, session, since)));
    for (const gateway of gateways)
      expect(viewOf(gateway).cache.answer(session.id, Date.now())).toBe('ended');
    return elapsed;
  }

  const seenFor = (topic: string, sessionId: string) =>
    probe.seen.filter((message) => message.topic === topic && message.value?.includes(sessionId)).length;

  it('answers a warm session from memory: no check-session round trip per call', async () => {
    const session = await loggedIn(officer);
    const calls = 20;
    await Promise.all(Array.from({ length: calls }, () => me(gateways[0], session).expect(200)));
    // Each call's readMe is sent after its session check would have been: once all are seen, so are the checks.
    await waitFor('every readMe command', () => seenFor(COMMAND_TOPICS.accessMe, session.id) === calls + 1);
    expect(seenFor(COMMAND_TOPICS.accessCheckSession, session.id)).toBe(1);
  });

  it('refuses the token on both gateways within 1 s of a logout, and records it once', async () => {
    const session = await loggedIn(officer);
    await warm(session);
    const before = await sessions().findOne({ _id: session.id as never });
    await request(gateways[0].url)
      .post('/v1/auth/logout')
      .set('authorization', `Bearer ${session.accessToken}`)
      .expect(204);
    const elapsed = await refusedEverywhere(session, Date.now());
    console.log(`logout: refused by the two gateways after ${elapsed.join(' / ')} ms`);
    const stored = await waitFor('the outbox cleared', async () => {
      const found = await sessions().findOne({ _id: session.id as never });
      return found?.outboxPending === false && found;
    });
    expect(stored).toMatchObject({ revokedReason: 'logout', outbox: [], revision: before!.revision + 1 });
  });

  it('refuses every session of an officer on both gateways within 1 s of a suspension', async () => {
    const suspect = await activeOfficer(gateways[0].url, access.url, adminToken);
    const both = [await loggedIn(suspect), await loggedIn(suspect)];
    for (const session of both) await warm(session);
    const suspended = await request(access.url)
      .post(`/internal/officers/${both[0].accountId}/suspend`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ reason: 'Reported stolen credentials.' })
      .expect(200);
    const since = Date.now();
    expect(suspended.body.revokedSessions).toBe(2);
    const elapsed = await Promise.all(both.map((session) => refusedEverywhere(session, since)));
    console.log(`suspension: refused by the two gateways after ${elapsed.flat().join(' / ')} ms`);
    const stored = await sessions()
      .find({ _id: { $in: both.map((session) => session.id) } as never })
      .toArray();
    expect(stored.map((session) => session.revokedReason)).toEqual([
      'officer_suspended',
      'officer_suspended',
    ]);
  });

  it('refuses the token on both gateways within 1 s of a refresh-token reuse', async () => {
    const first = await loggedIn(officer);
    const rotated = await refreshed(first);
    await warm(rotated);
    const reuse = await request(gateways[1].url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    expect(reuse.body.code).toBe('refresh_token_reused');
    const elapsed = await refusedEverywhere(rotated, Date.now());
    console.log(`refresh-token reuse: refused by the two gateways after ${elapsed.join(' / ')} ms`);
    expect(await sessions().findOne({ _id: first.id as never })).toMatchObject({
      revokedReason: 'refresh_token_reuse',
    });
  });

  it('does not let checks in flight when a session ends put it back (calls racing a logout)', async () => {
    const session = await loggedIn(officer);
    const racing = gateways.flatMap((gateway) =>
      Array.from({ length: 15 }, () => [me(gateway, session), viewSays(gateway, session)]).flat(),
    );
    const logout = request(gateways[0].url)
      .post('/v1/auth/logout')
      .set('authorization', `Bearer ${session.accessToken}`);
    const [loggedOut] = await Promise.all([logout, ...racing]);
    expect([204, 401]).toContain(loggedOut.status);
    await refusedEverywhere(session, Date.now());
    for (const gateway of gateways) {
      const after = await Promise.all(Array.from({ length: 15 }, () => viewSays(gateway, session)));
      expect(after).toEqual(after.map(() => false));
    }
  });

  it('ends a session once when a logout and a suspension race: one write, one event', async () => {
    const suspect = await activeOfficer(gateways[0].url, access.url, adminToken);
    const session = await loggedIn(suspect);
    await warm(session);
    const before = await sessions().findOne({ _id: session.id as never });
    const [loggedOut] = await Promise.all([
      request(gateways[0].url).post('/v1/auth/logout').set('authorization', `Bearer ${session.accessToken}`),
      request(access.url)
        .post(`/internal/officers/${session.accountId}/suspend`)
        .set('authorization', `Bearer ${adminToken}`)
        .send({ reason: 'Racing a logout.' })
        .expect(200),
    ]);
    expect([204, 401]).toContain(loggedOut.status);
    const stored = await waitFor('the outbox cleared', async () => {
      const found = await sessions().findOne({ _id: session.id as never });
      return found?.outboxPending === false && found;
    });
    expect(stored.revision).toBe(before!.revision + 1);
    expect(['logout', 'officer_suspended']).toContain(stored.revokedReason);
    const endedEvents = () =>
      probe.seen.filter(
        (message) =>
          message.headers['x-event-type'] === 'access.session.ended' && message.value?.includes(session.id),
      );
    await waitFor('the session.ended event', () => endedEvents().length > 0);
    expect(endedEvents()).toHaveLength(1);
    await refusedEverywhere(session, Date.now());
  });

  // Last: it stops the gateways' event streams for good.
  it('asks access on every call while the event stream is stopped, so a revoked session is refused anyway', async () => {
    const first = await loggedIn(officer);
    const rotated = await refreshed(first);
    await warm(rotated);
    for (const gateway of gateways) {
      await streamOf(gateway).stop();
      expect(streamOf(gateway).whyBypassed()).toBe('disconnected');
      expect(viewOf(gateway).cache.answer(rotated.id, Date.now())).toBe('ask');
    }
    // One check when it was first used, one by the other gateway's view; none since (it is warm).
    await waitFor('the warm-up checks', () => seenFor(COMMAND_TOPICS.accessCheckSession, rotated.id) === 2);
    // Refresh-token reuse ends the session in access alone: no gateway is told but by the event.
    await request(gateways[1].url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    for (const gateway of gateways) {
      expect(await viewSays(gateway, rotated)).toBe(false);
      await me(gateway, rotated).expect(401);
      // Refused on access's answer: the stopped stream left no tombstone.
      expect(viewOf(gateway).cache.answer(rotated.id, Date.now())).toBe('ask');
    }
    // Two calls on each gateway since, and each one asked access.
    await waitFor(
      'the checks sent to access',
      () => seenFor(COMMAND_TOPICS.accessCheckSession, rotated.id) === 6,
    );
  });

  async function refreshed(session: Session): Promise<Session> {
    const rotated: Tokens = (
      await request(gateways[0].url)
        .post('/v1/auth/refresh')
        .send({ refreshToken: session.refreshToken })
        .expect(200)
    ).body;
    return { ...session, ...rotated };
  }
});
