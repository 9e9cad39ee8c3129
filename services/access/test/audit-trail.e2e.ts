import { createHash } from 'node:crypto';
import request from 'supertest';
import { AuditAppender, AuditLog, type AuditEntry } from '@lers/audit';
import { waitFor } from '@lers/testing';
import {
  bootAccess,
  bootIdentityStack,
  loggedInStaff,
  type IdentityStack,
} from '../../../test/e2e/backbone-harness';
import { activeOfficer, appliedAndVerified, totpNow } from './identity-helpers';

/** The access service's audit trail against the real servers: log-ons, sessions, staff, applications. */
describe('the access service’s audit trail', () => {
  let stack: IdentityStack;
  let adminAuth: string;

  beforeAll(async () => {
    stack = await bootIdentityStack();
    adminAuth = `Bearer ${stack.adminToken}`;
  }, 120_000);

  afterAll(() => stack?.close());

  const newestFirst = async (query: Record<string, string>): Promise<AuditEntry[]> =>
    (
      await request(stack.access.url)
        .get('/internal/audit')
        .query({ ...query, limit: 100 })
        .set('authorization', adminAuth)
        .expect(200)
    ).body.items;

  /** Oldest first, once at least `count` entries are there (state changes are appended just after their write). */
  const entriesOf = (entityId: string, count: number) =>
    waitFor(`${count} audit entries for ${entityId}`, async () => {
      const entries = (await newestFirst({ entityId })).reverse();
      return entries.length >= count && entries;
    });

  const summary = (entries: AuditEntry[]) =>
    entries.map((entry) => [entry.action, entry.outcome, entry.actor.kind, entry.actor.id]);

  const verify = async () =>
    (
      await request(stack.access.url)
        .get('/internal/audit/verify')
        .set('authorization', adminAuth)
        .expect(200)
    ).body;

  const exported = async () =>
    (
      await request(stack.access.url)
        .get('/internal/audit/export')
        .set('authorization', adminAuth)
        .buffer(true)
        .parse((response, done) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          response.on('end', () => done(null, text));
        })
        .expect(200)
    ).body as string;

  const officerLogin = (officer: { email: string; password: string; totpSecret: string }) =>
    request(stack.gateway.url)
      .post('/v1/auth/login')
      .send({ email: officer.email, password: officer.password, totp: totpNow(officer.totpSecret) });

  it('records an officer’s way in once per step: application, decision, activation, log-on, refresh, logout', async () => {
    const { id } = await appliedAndVerified(stack.gateway.url);
    const queued = await request(stack.access.url)
      .get(`/internal/access-applications/${id}`)
      .set('authorization', adminAuth)
      .expect(200);
    await request(stack.access.url)
      .get(`/internal/access-applications/${id}/documents/${queued.body.documents[0].id}`)
      .set('authorization', adminAuth)
      .set('user-agent', 'lers-audit-test/1')
      .expect(200);
    // A second, rejected application, and the approved one of an officer who goes on to sign in.
    await request(stack.access.url)
      .post(`/internal/access-applications/${id}/reject`)
      .set('authorization', adminAuth)
      .send({ reason: 'The warrant card is not legible.' })
      .expect(200);
    expect(summary(await entriesOf(id, 4))).toEqual([
      ['access_application.submit', 'success', 'anonymous', null],
      ['access_application.verify_email', 'success', 'anonymous', null],
      ['access_application.document.read', 'success', 'staff', 'bootstrap-admin'],
      ['access_application.reject', 'success', 'staff', 'bootstrap-admin'],
    ]);
    const [submitted, , read, rejected] = await entriesOf(id, 4);
    expect(submitted.ip).toBe('127.0.0.1');
    expect(read).toMatchObject({
      userAgent: 'lers-audit-test/1',
      details: { documentId: queued.body.documents[0].id },
    });
    expect(rejected.details).toEqual({ from: 'pending_review', to: 'rejected' });

    const officer = await activeOfficer(stack.gateway.url, stack.access.url, stack.adminToken);
    const accountId = `officer-${officer.applicationId}`;
    expect(summary(await entriesOf(officer.applicationId, 3))).toEqual([
      ['access_application.submit', 'success', 'anonymous', null],
      ['access_application.verify_email', 'success', 'anonymous', null],
      ['access_application.approve', 'success', 'staff', 'bootstrap-admin'],
    ]);
    const tokens = (await officerLogin(officer).expect(200)).body;
    const sessionId = tokens.refreshToken.split('.')[0] as string;
    const refreshed = (
      await request(stack.gateway.url)
        .post('/v1/auth/refresh')
        .send({ refreshToken: tokens.refreshToken })
        .expect(200)
    ).body;
    await request(stack.gateway.url)
      .post('/v1/auth/logout')
      .set('authorization', `Bearer ${refreshed.accessToken}`)
      .expect(204);

    expect(summary(await entriesOf(accountId, 2))).toEqual([
      ['account.password.set', 'success', 'officer', accountId],
      ['account.activate', 'success', 'officer', accountId],
    ]);
    expect(summary(await entriesOf(`officer:${officer.email}`, 1))).toEqual([
      ['auth.login', 'success', 'officer', accountId],
    ]);
    const sessionEntries = await entriesOf(sessionId, 2);
    expect(summary(sessionEntries)).toEqual([
      ['session.refresh', 'success', 'officer', accountId],
      ['session.revoke', 'success', 'officer', accountId],
    ]);
    expect(sessionEntries[1].details).toEqual({ reason: 'logout', accountId });

    // Nothing secret in the trail: not the password, seed, codes, tokens or their hashes.
    const trail = await exported();
    const secretPart = (token: string) => token.split('.')[1];
    for (const secret of [
      officer.password,
      officer.totpSecret,
      tokens.accessToken,
      secretPart(tokens.refreshToken),
      createHash('sha256').update(secretPart(tokens.refreshToken)).digest('hex'),
      secretPart(refreshed.refreshToken),
    ]) {
      expect(trail).not.toContain(secret);
    }
  });

  it('records failed log-ons, the lockout and refusals without the password', async () => {
    const officer = await activeOfficer(stack.gateway.url, stack.access.url, stack.adminToken);
    const wrong = { ...officer, password: 'not-the-password-but-close-1' };
    for (let n = 0; n < 5; n++) await officerLogin(wrong).expect(401);
    await officerLogin(officer).expect(423);
    const accountId = `officer-${officer.applicationId}`;
    const entries = await entriesOf(`officer:${officer.email}`, 7);
    expect(summary(entries)).toEqual([
      ...Array(5).fill(['auth.login', 'failed', 'officer', accountId]),
      ['auth.lockout', 'success', 'officer', accountId],
      ['auth.login', 'denied', 'anonymous', null],
    ]);
    expect(entries[0].details).toEqual({ reason: 'wrong_password' });
    expect(entries[5].details).toMatchObject({ attempts: 5, lockedUntil: expect.any(String) });
    expect(entries[6].details).toMatchObject({ reason: 'locked' });
    expect(JSON.stringify(entries)).not.toContain(wrong.password);

    const nobody = `nobody-${Date.now()}@police.example.gov`;
    await request(stack.access.url)
      .post('/internal/auth/login')
      .set('user-agent', 'lers-audit-test/2')
      .send({ email: nobody, password: 'a guess nobody should see 9', totp: '123456' })
      .expect(401);
    const [unknown] = await entriesOf(`staff:${nobody}`, 1);
    expect(unknown).toMatchObject({
      action: 'auth.login',
      outcome: 'failed',
      actor: { kind: 'anonymous', id: null },
      ip: '127.0.0.1',
      userAgent: 'lers-audit-test/2',
      details: { reason: 'unknown_account' },
    });
    expect(JSON.stringify(unknown)).not.toContain('a guess nobody');
  });

  it('records staff creation, a government domain, a suspension with its revoked session, and token reuse', async () => {
    const auditor = await loggedInStaff(stack.access.url, stack.adminToken, ['auditor']);
    const [staffAccount] = await stack.accessDb
      .collection('accounts')
      .find({ email: auditor.email })
      .toArray();
    const staffId = String(staffAccount._id);
    const created = await entriesOf(staffId, 3);
    expect(summary(created)).toEqual([
      ['staff.create', 'success', 'staff', 'bootstrap-admin'],
      ['account.password.set', 'success', 'staff', staffId],
      ['account.activate', 'success', 'staff', staffId],
    ]);
    expect(created[0].details).toEqual({ email: auditor.email, roles: ['auditor'] });

    // Reuse of a rotated refresh token revokes the session; a made-up token is a failed refresh.
    const staffSession = auditor.refreshToken.split('.')[0];
    await request(stack.access.url)
      .post('/internal/auth/refresh')
      .send({ refreshToken: auditor.refreshToken })
      .expect(200);
    const reused = await request(stack.access.url)
      .post('/internal/auth/refresh')
      .send({ refreshToken: auditor.refreshToken })
      .expect(401);
    expect(reused.body.code).toBe('refresh_token_reused');
    const sessionEntries = await entriesOf(staffSession, 2);
    expect(summary(sessionEntries)).toEqual([
      ['session.refresh', 'success', 'staff', staffId],
      ['session.revoke', 'success', 'anonymous', null],
    ]);
    expect(sessionEntries[1].details).toEqual({ reason: 'refresh_token_reuse', accountId: staffId });
    await request(stack.access.url)
      .post('/internal/auth/refresh')
      .send({ refreshToken: 'no-such-session.secret' })
      .expect(401);
    expect(summary(await entriesOf('no-such-session', 1))).toEqual([
      ['session.refresh', 'failed', 'anonymous', null],
    ]);

    const domain = `audit-${Date.now()}.police.example`;
    await request(stack.access.url)
      .post('/internal/government-domains')
      .set('authorization', adminAuth)
      .send({ domain, country: 'nl' })
      .expect(201);
    const [added] = await entriesOf(domain, 1);
    expect(added).toMatchObject({
      action: 'government_domain.add',
      actor: { kind: 'staff', id: 'bootstrap-admin', roles: ['admin'] },
      details: { country: 'NL', agencyName: null },
    });

    const officer = await activeOfficer(stack.gateway.url, stack.access.url, stack.adminToken);
    const officerId = `officer-${officer.applicationId}`;
    const session = (await officerLogin(officer).expect(200)).body.refreshToken.split('.')[0] as string;
    await request(stack.access.url)
      .post(`/internal/officers/${officerId}/suspend`)
      .set('authorization', adminAuth)
      .send({ reason: 'Reported stolen credentials.' })
      .expect(200);
    const suspended = (await entriesOf(officerId, 3)).at(-1)!;
    expect(suspended).toMatchObject({
      action: 'officer.suspend',
      actor: { kind: 'staff', id: 'bootstrap-admin' },
      details: { from: 'active', to: 'suspended', reason: 'Reported stolen credentials.' },
    });
    const [revoked] = (await entriesOf(session, 1)).filter((entry) => entry.action === 'session.revoke');
    expect(revoked).toMatchObject({
      actor: { kind: 'staff', id: 'bootstrap-admin' },
      details: { reason: 'officer_suspended' },
    });
  });

  it('admits auditors and admins only: no token 401, an officer 403', async () => {
    const officer = await activeOfficer(stack.gateway.url, stack.access.url, stack.adminToken);
    const officerToken = (await officerLogin(officer).expect(200)).body.accessToken;
    const http = request(stack.access.url);
    for (const path of ['/internal/audit', '/internal/audit/verify', '/internal/audit/export']) {
      expect((await http.get(path)).status).toBe(401);
      const asOfficer = await http.get(path).set('authorization', `Bearer ${officerToken}`);
      expect([asOfficer.status, asOfficer.body.code]).toEqual([403, 'forbidden']);
    }
  });

  it('does not lose the entry of a change whose appender died before appending, nor double it', async () => {
    const appender = stack.access.app.get(AuditAppender);
    await appender.onApplicationShutdown(); // the "crash": nothing appends from this replica any more
    const domain = `crash-${Date.now()}.police.example`;
    await request(stack.access.url)
      .post('/internal/government-domains')
      .set('authorization', adminAuth)
      .send({ domain, country: 'be' })
      .expect(201);
    const domains = stack.accessDb.collection('government_domains');
    const queued = await domains.findOne({ _id: domain as never });
    expect(queued).toMatchObject({
      auditQueued: true,
      auditPending: [expect.objectContaining({ action: 'government_domain.add' })],
    });
    // Half done: the entry got appended, but the queue was never cleared.
    await stack.access.app.get(AuditLog).append(queued!.auditPending[0]);
    const replica = await bootAccess({ MONGO_DB: stack.access.config.MONGO_DB });
    try {
      await waitFor('the queue drained by the restarted replica', async () => {
        const document = await domains.findOne({ _id: domain as never });
        return document?.auditQueued === false;
      });
      const entries = await newestFirst({ entityId: domain });
      expect(entries.map((entry) => entry.id)).toEqual([queued!.auditPending[0].id]);
    } finally {
      await replica.close();
    }
  });

  it('keeps one unbroken chain when 20 failed log-ons race on two replicas', async () => {
    const replica = await bootAccess({ MONGO_DB: stack.access.config.MONGO_DB });
    try {
      const email = `racer-${Date.now()}@police.example.gov`;
      const urls = [stack.access.url, replica.url];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          request(urls[n % 2])
            .post('/internal/auth/login')
            .send({ email, password: `guess number ${n} of twenty`, totp: '000000' }),
        ),
      );
      expect(results.map((result) => result.status).sort()).toEqual([
        ...Array(5).fill(401),
        ...Array(15).fill(423),
      ]);
      const entries = await entriesOf(`staff:${email}`, 21);
      const count = (action: string, outcome: string) =>
        entries.filter((entry) => entry.action === action && entry.outcome === outcome).length;
      expect([
        count('auth.login', 'failed'),
        count('auth.lockout', 'success'),
        count('auth.login', 'denied'),
      ]).toEqual([5, 1, 15]);
      expect(entries).toHaveLength(21);
      const chain = await stack.accessDb
        .collection('audit_entries')
        .find({}, { projection: { seq: 1 } })
        .sort({ seq: 1 })
        .toArray();
      expect(chain.map((entry) => entry.seq)).toEqual(chain.map((_, index) => index + 1));
      expect(await verify()).toMatchObject({ valid: true });
    } finally {
      await replica.close();
    }
  });

  it('locates an edited entry and a deleted entry', async () => {
    expect(await verify()).toMatchObject({ valid: true });
    const entries = stack.accessDb.collection('audit_entries');
    const victim = (await entries.find({ action: 'auth.login' }).sort({ seq: 1 }).limit(1).toArray())[0];
    await entries.updateOne(
      { _id: victim._id },
      { $set: { outcome: 'success' === victim.outcome ? 'failed' : 'success' } },
    );
    expect(await entries.findOne({ _id: victim._id })).not.toMatchObject({ outcome: victim.outcome });
    expect(await verify()).toMatchObject({ valid: false, brokenAt: victim.seq });
    await entries.replaceOne({ _id: victim._id }, victim);
    expect(await verify()).toMatchObject({ valid: true });
    await entries.deleteOne({ _id: victim._id });
    expect(await entries.findOne({ _id: victim._id })).toBeNull();
    expect(await verify()).toMatchObject({ valid: false, brokenAt: victim.seq });
    await entries.insertOne(victim);
    expect(await verify()).toMatchObject({ valid: true });
  });
});
