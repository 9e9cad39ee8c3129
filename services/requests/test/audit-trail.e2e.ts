import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AuditAppender, AuditLog, verifyExportFile, type AuditEntry } from '@lers/audit';
import { waitFor, type RunningService } from '@lers/testing';
import { bootRequests, bootRequestsStack, type RequestsStack } from '../../../test/e2e/backbone-harness';
import { officerApi, staffApi } from '../../gateway/test/request-flows';
import type { RequestsEnv } from '../src/requests.config';

/** The requests service's audit trail against the real servers: one entry per action, tamper-evident. */
describe('the requests service’s audit trail', () => {
  let stack: RequestsStack;
  let officer: ReturnType<typeof officerApi>;
  let officerToken: string;
  let officerId: string;
  let legal: ReturnType<typeof staffApi>;
  let legalToken: string;
  let legalId: string;
  let auditorAuth: string;

  beforeAll(async () => {
    stack = await bootRequestsStack();
    const loggedIn = await stack.officer();
    officerToken = loggedIn.accessToken;
    officerId = subjectOf(officerToken);
    officer = officerApi(stack.gateway.url, officerToken);
    const legalStaff = await stack.staff(['legal']);
    legalToken = legalStaff.accessToken;
    legalId = subjectOf(legalToken);
    legal = staffApi(stack.requests.url, legalToken);
    auditorAuth = `Bearer ${(await stack.staff(['auditor'])).accessToken}`;
  }, 180_000);

  afterAll(() => stack?.close());

  const entriesOf = async (entityId: string): Promise<AuditEntry[]> => {
    const page = await request(stack.requests.url)
      .get('/internal/audit')
      .query({ entityId, limit: 100 })
      .set('authorization', auditorAuth)
      .expect(200);
    return (page.body.items as AuditEntry[]).reverse();
  };

  const settledEntriesOf = (entityId: string, count: number) =>
    waitFor(`${count} audit entries for ${entityId}`, async () => {
      const entries = await entriesOf(entityId);
      return entries.length >= count && entries;
    });

  const verify = async () =>
    (
      await request(stack.requests.url)
        .get('/internal/audit/verify')
        .set('authorization', auditorAuth)
        .expect(200)
    ).body;

  async function submitted() {
    const created = await officer.create().expect(201);
    await officer.upload(created.body.id).expect(201);
    await officer.submit(created.body.id).expect(200);
    return created.body.id as string;
  }

  it('records every move and every read once, with who did it and the outcome', async () => {
    const id = await submitted();
    await request(stack.requests.url)
      .post(`/internal/requests/${id}/assign`)
      .set('authorization', `Bearer ${legalToken}`)
      .set('user-agent', 'lers-audit-test/1')
      .expect(200);
    const caseFile = await legal.read(id).expect(200);
    const documentId = caseFile.body.documents[0].id as string;
    await request(stack.requests.url)
      .get(`/internal/requests/${id}/documents/${documentId}`)
      .set('authorization', `Bearer ${legalToken}`)
      .expect(200);
    await legal.reject(id, 'The order does not name the account holder.').expect(200);

    const entries = await settledEntriesOf(id, 7);
    // Appended in the order they happened here (each call awaited its answer, and its entry).
    expect(entries.map((entry) => [entry.action, entry.outcome, entry.actor.kind, entry.actor.id])).toEqual([
      ['request.create', 'success', 'officer', officerId],
      ['request.document.attach', 'success', 'officer', officerId],
      ['request.submit', 'success', 'officer', officerId],
      ['request.assign', 'success', 'staff', legalId],
      ['request.read', 'success', 'staff', legalId],
      ['request.document.read', 'success', 'staff', legalId],
      ['request.reject', 'success', 'staff', legalId],
    ]);
    expect(entries).toHaveLength(7);
    expect(entries[2].details).toEqual({ from: 'draft', to: 'submitted' });
    expect(entries[5].details).toMatchObject({ documentId });
    expect(entries[6].details).toEqual({ from: 'in_review', to: 'rejected' });
    expect(entries[3]).toMatchObject({ userAgent: 'lers-audit-test/1', ip: '127.0.0.1' });
    expect(new Set(entries.map((entry) => entry.correlationId)).size).toBe(7);
    // Nothing left queued in the request itself once appended.
    const stored = await stack.requestsDb.collection('information_requests').findOne({ _id: id as never });
    expect(stored).toMatchObject({ auditPending: [], auditQueued: false });
  });

  it('leaves a denied entry when another agency’s officer asks for a request (404 either way)', async () => {
    const id = await submitted();
    const stranger = await stack.officer();
    const strangerId = subjectOf(stranger.accessToken);
    await officerApi(stack.gateway.url, stranger.accessToken).read(id).expect(404);
    const entries = await settledEntriesOf(id, 4);
    const denied = entries.filter((entry) => entry.outcome === 'denied');
    expect(denied).toEqual([
      expect.objectContaining({
        action: 'request.access',
        actor: expect.objectContaining({ id: strangerId }),
      }),
    ]);
  });

  it('admits auditors and admins only: no token 401, an officer 403, legal staff 403', async () => {
    const http = request(stack.requests.url);
    for (const path of ['/internal/audit', '/internal/audit/verify', '/internal/audit/export']) {
      expect((await http.get(path)).status).toBe(401);
      const asOfficer = await http.get(path).set('authorization', `Bearer ${officerToken}`);
      expect([asOfficer.status, asOfficer.body.code, asOfficer.headers['content-type']]).toEqual([
        403,
        'forbidden',
        expect.stringContaining('application/problem+json'),
      ]);
      expect((await http.get(path).set('authorization', `Bearer ${legalToken}`)).status).toBe(403);
    }
    const admin = await http.get('/internal/audit/verify').set('authorization', `Bearer ${stack.adminToken}`);
    expect(admin.status).toBe(200);
  });

  it('refuses bad filters with 400 problem+json', async () => {
    const bad = await request(stack.requests.url)
      .get('/internal/audit')
      .query({ from: 'yesterday' })
      .set('authorization', auditorAuth);
    expect([bad.status, bad.body.code]).toEqual([400, 'validation_failed']);
  });

  it('audits reading the audit, and pages newest first with a cursor', async () => {
    const first = await request(stack.requests.url)
      .get('/internal/audit')
      .query({ action: 'audit.read', limit: 1 })
      .set('authorization', auditorAuth)
      .expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({
      action: 'audit.read',
      details: { action: 'audit.read', limit: 1 },
    });
    const second = await request(stack.requests.url)
      .get('/internal/audit')
      .query({ action: 'audit.read', limit: 1, cursor: first.body.nextCursor })
      .set('authorization', auditorAuth)
      .expect(200);
    expect(second.body.items[0].seq).toBeLessThan(first.body.items[0].seq);
  });

  it('does not lose the entry of a change whose appender died before appending, nor double it', async () => {
    const id = await submitted();
    await settledEntriesOf(id, 3);
    const appender = stack.requests.app.get(AuditAppender);
    await appender.onApplicationShutdown(); // the "crash": nothing appends from this replica any more
    await legal.assign(id).expect(200);
    const queued = await stack.requestsDb.collection('information_requests').findOne({ _id: id as never });
    expect(queued?.auditQueued).toBe(true);
    // Half done: the entry got appended, but the queue was never cleared.
    await stack.requests.app.get(AuditLog).append(queued!.auditPending[0]);
    const replica = await bootRequests({ MONGO_DB: stack.requests.config.MONGO_DB });
    try {
      await waitFor('the queue drained by the restarted replica', async () => {
        const document = await stack.requestsDb
          .collection('information_requests')
          .findOne({ _id: id as never });
        return document?.auditQueued === false;
      });
      const assigns = (await entriesOf(id)).filter((entry) => entry.action === 'request.assign');
      expect(assigns).toHaveLength(1);
      expect(assigns[0].id).toBe(queued!.auditPending[0].id);
    } finally {
      await replica.close();
    }
  });

  it('keeps one unbroken chain when 50 audited actions race on two replicas', async () => {
    const replica: RunningService<RequestsEnv> = await bootRequests({
      MONGO_DB: stack.requests.config.MONGO_DB,
    });
    try {
      const id = await submitted();
      await legal.assign(id).expect(200);
      const before = (await verify()).entries as number;
      const urls = [stack.requests.url, replica.url];
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, n) =>
          n % 2 === 0
            ? request(urls[n % 4 === 0 ? 0 : 1])
                .get(`/internal/requests/${id}`)
                .set('authorization', `Bearer ${legalToken}`)
            : request(urls[n % 4 === 1 ? 0 : 1])
                .post(`/internal/requests/${id}/messages`)
                .set('authorization', `Bearer ${legalToken}`)
                .send({ body: `message ${n}` }),
        ),
      );
      // Reads always answer; posts racing on one request may lose their revision race (409, no change).
      const done = results.filter((result) => result.status < 300).length;
      expect(results.filter((result) => result.status >= 300).map((result) => result.body.code)).toEqual(
        Array(50 - done).fill('concurrent_update'),
      );
      expect(results.filter((result) => result.status === 200)).toHaveLength(25);
      const entries = await waitFor(`${done} new entries`, async () => {
        const all = (await entriesOf(id)).filter(
          (entry) => entry.action === 'request.read' || entry.action === 'request.message.post',
        );
        return all.length >= done && all;
      });
      expect(entries).toHaveLength(done);
      const stored = await stack.requestsDb.collection('information_requests').findOne({ _id: id as never });
      expect(entries.filter((entry) => entry.action === 'request.message.post')).toHaveLength(
        stored!.messages.length,
      );
      const verdict = await verify();
      expect(verdict).toMatchObject({ valid: true });
      // Every seq once, none skipped: the chain did not fork.
      const chain = await stack.requestsDb
        .collection('audit_entries')
        .find({}, { projection: { seq: 1 } })
        .sort({ seq: 1 })
        .toArray();
      expect(chain.map((entry) => entry.seq)).toEqual(chain.map((_, index) => index + 1));
      expect(verdict.entries).toBeGreaterThanOrEqual(before + done);
    } finally {
      await replica.close();
    }
  });

  it('locates an edited entry and a deleted entry, and the export verifies offline', async () => {
    expect(await verify()).toMatchObject({ valid: true });
    const entries = stack.requestsDb.collection('audit_entries');
    const victim = (await entries.find({}).sort({ seq: 1 }).skip(3).limit(1).toArray())[0];
    await entries.updateOne({ _id: victim._id }, { $set: { outcome: 'denied' } });
    expect(await entries.findOne({ _id: victim._id })).toMatchObject({ outcome: 'denied' });
    expect(await verify()).toMatchObject({ valid: false, brokenAt: victim.seq });

    await entries.replaceOne({ _id: victim._id }, victim);
    expect(await verify()).toMatchObject({ valid: true });
    await entries.deleteOne({ _id: victim._id });
    expect(await entries.findOne({ _id: victim._id })).toBeNull();
    expect(await verify()).toMatchObject({ valid: false, brokenAt: victim.seq });
    await entries.insertOne(victim);
    const intact = await verify();
    expect(intact).toMatchObject({ valid: true });

    const exported = await request(stack.requests.url)
      .get('/internal/audit/export')
      .set('authorization', auditorAuth)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      })
      .expect(200)
      .expect('content-type', /application\/x-ndjson/);
    const file = join(mkdtempSync(join(tmpdir(), 'lers-audit-')), 'audit.jsonl');
    writeFileSync(file, exported.body as string);
    const offline = await verifyExportFile(file, intact.head);
    // The export also holds what was appended since (reading the trail is audited too).
    expect(offline).toMatchObject({ valid: true });
    expect(offline.last!.seq).toBe(intact.head.seq + 2);
    const lines = (exported.body as string).trimEnd().split('\n');
    lines[1] = lines[1].replace('"outcome":"success"', '"outcome":"failed"');
    writeFileSync(file, `${lines.join('\n')}\n`);
    expect(await verifyExportFile(file)).toMatchObject({ valid: false, brokenAt: 2 });
  });
});

function subjectOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub as string;
}
