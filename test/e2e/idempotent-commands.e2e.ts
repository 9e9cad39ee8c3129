import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Clock } from '@lers/clock';
import { BUCKETS, COMMAND_TOPICS } from '@lers/contracts';
import { LeasedJobs, PRUNE_EVERY_MS } from '@lers/jobs';
import { IDEMPOTENCY_RECORD_PRUNING_JOB } from '@lers/messaging';
import {
  accessApplicationForm,
  mailCatcher,
  newObjectKeys,
  produceRaw,
  samplePdf,
  storedObjects,
  waitFor,
} from '@lers/testing';
import {
  activeOfficer,
  appliedAndVerified,
  codeIn,
  latestMailTo,
  totpNow,
} from '../../services/access/test/identity-helpers';
import { bootIdentityStack, type IdentityStack } from './backbone-harness';

/**
 * Idempotency-Key and command deadlines, through the gateway to the access service and on to
 * the e-mail it causes: a retry after a lost reply gets the first answer and changes nothing more.
 */
describe('idempotent commands', () => {
  let stack: IdentityStack;
  let gateway: IdentityStack['gateway'];
  let access: IdentityStack['access'];
  let accessDb: IdentityStack['accessDb'];
  let adminToken: string;

  beforeAll(async () => {
    stack = await bootIdentityStack();
    ({ gateway, access, accessDb, adminToken } = stack);
  });

  afterAll(() => stack?.close());

  const applicationsOf = (email: string) =>
    accessDb.collection('access_applications').countDocuments({ 'officer.email': email });

  const apply = (form: object, key?: string, file = samplePdf()) => {
    const call = request(gateway.url).post('/v1/access-applications');
    if (key) call.set('idempotency-key', key);
    return call.field('application', JSON.stringify(form)).attach('proofOfAuthority', file, 'proof.pdf');
  };

  it('answers a retried submission with the first result and stores and mails it once', async () => {
    const form = accessApplicationForm();
    const key = randomUUID();
    const first = await apply(form, key).expect(201);
    const retry = await apply(form, key).expect(201);

    expect(retry.body).toEqual(first.body);
    expect(await applicationsOf(form.officer.email)).toBe(1);
    await mailCatcher.waitForMailTo(form.officer.email);
    const stored = await accessDb.collection('access_applications').findOne({ _id: first.body.id });
    await waitFor('the submission event to be published', async () => {
      const current = await accessDb.collection('access_applications').findOne({ _id: first.body.id });
      return current?.outboxPending === false;
    });
    expect(stored?.proofOfAuthority).toHaveLength(1);
    expect(await mailCatcher.to(form.officer.email)).toHaveLength(1);
  });

  it('refuses the same key with another body (422 idempotency_key_reused) and stores nothing', async () => {
    const key = randomUUID();
    const form = accessApplicationForm();
    await apply(form, key).expect(201);
    const other = accessApplicationForm();
    const refused = await apply(other, key).expect(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    expect(await applicationsOf(other.officer.email)).toBe(0);

    // The same form with a different document is another request too.
    const otherFile = Buffer.concat([samplePdf(), Buffer.from('\n% another revision\n')]);
    await apply(form, key, otherFile).expect(422);
    expect(await applicationsOf(form.officer.email)).toBe(1);
  });

  it('treats a new key as a new submission', async () => {
    const form = accessApplicationForm();
    await apply(form, randomUUID()).expect(201);
    await apply(form, randomUUID()).expect(201);
    expect(await applicationsOf(form.officer.email)).toBe(2);
  });

  it('runs 8 concurrent copies of one keyed submission once', async () => {
    const form = accessApplicationForm();
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 8 }, () => apply(form, key)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const created = responses.filter((response) => response.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((response) => response.body.id)).size).toBe(1);
    for (const busy of responses.filter((response) => response.status === 409)) {
      expect(busy.body.code).toBe('idempotency_key_in_use');
    }
    expect(await applicationsOf(form.officer.email)).toBe(1);
    // Once the first has finished, a retry gets its result.
    const retry = await apply(form, key).expect(201);
    expect(retry.body.id).toBe(created[0].body.id);
  });

  it('leaves no stray upload behind a replayed or refused submission', async () => {
    const form = accessApplicationForm();
    const key = randomUUID();
    const before = await storedObjects(BUCKETS.accessDocuments);
    const first = await apply(form, key).expect(201);
    await apply(form, key).expect(201); // answered from the first copy: its upload is dropped
    await apply(accessApplicationForm(), key).expect(422); // refused: idempotency_key_reused
    const freeMail = accessApplicationForm();
    freeMail.officer.email = `officer-${randomUUID()}@gmail.com`;
    await apply(freeMail).expect(422); // refused by the service: non_government_email
    const added = newObjectKeys(before, await storedObjects(BUCKETS.accessDocuments));

    const stored = await accessDb.collection('access_applications').findOne({ _id: first.body.id });
    // Other test files share the bucket only when run side by side; then their keys are theirs.
    const ours = added.filter((objectKey) => objectKey.startsWith('access-applications/'));
    expect(ours).toContain(stored?.proofOfAuthority[0].objectKey);
    const referenced = await accessDb
      .collection('access_applications')
      .countDocuments({ 'proofOfAuthority.objectKey': { $in: ours } });
    expect(referenced).toBe(ours.length);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const response = await apply(accessApplicationForm(), 'x'.repeat(201)).expect(400);
    expect(response.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'Idempotency-Key', message: expect.any(String) }],
    });
  });

  it('gives a retried activation the same authenticator secret, not a second activation', async () => {
    const { form, id } = await appliedAndVerified(gateway.url);
    await request(access.url)
      .post(`/internal/access-applications/${id}/approve`)
      .set('authorization', `Bearer ${adminToken}`)
      .expect(200);
    const token = codeIn((await latestMailTo(form.officer.email, 'activate your account')).text);
    const key = randomUUID();
    const activate = () =>
      request(gateway.url)
        .post('/v1/auth/activate')
        .set('idempotency-key', key)
        .send({ token, password: 'correct horse battery staple 42' });

    const first = await activate().expect(200);
    const retry = await activate().expect(200);
    expect(retry.body).toEqual(first.body);
    // The secret the officer enrolled is the one stored: the retry did not replace it.
    await request(gateway.url)
      .post('/v1/auth/totp/confirm')
      .send({ token, code: totpNow(first.body.totpSecret) })
      .expect(200);
    const account = await accessDb.collection('accounts').findOne({ email: form.officer.email });
    expect(account?.status).toBe('active');
  });

  it('gives a retried refresh the same tokens, not a token-reuse revocation', async () => {
    const officer = await activeOfficer(gateway.url, access.url, adminToken);
    const login = await request(gateway.url)
      .post('/v1/auth/login')
      .send({ email: officer.email, password: officer.password, totp: totpNow(officer.totpSecret) })
      .expect(200);
    const key = randomUUID();
    const refresh = () =>
      request(gateway.url)
        .post('/v1/auth/refresh')
        .set('idempotency-key', key)
        .send({ refreshToken: login.body.refreshToken });

    const first = await refresh().expect(200);
    const retry = await refresh().expect(200);
    expect(retry.body).toEqual(first.body);

    // The session still stands: the rotated token works and the access token is accepted.
    await request(gateway.url)
      .get('/v1/me')
      .set('authorization', `Bearer ${first.body.accessToken}`)
      .expect(200);
    const next = await request(gateway.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: first.body.refreshToken })
      .expect(200);
    expect(next.body.refreshToken).not.toBe(first.body.refreshToken);

    // Without the key the very same retry is what a thief would send: reuse, session revoked.
    const reused = await request(gateway.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: login.body.refreshToken })
      .expect(401);
    expect(reused.body.code).toBe('refresh_token_reused');

    // The record at rest does not hold the tokens in the clear.
    const records = await accessDb.collection('idempotency_records').find({}).toArray();
    expect(JSON.stringify(records)).not.toContain(first.body.refreshToken.split('.')[1]);
  });

  it('gives a retried staff approval the first answer: one account, one activation e-mail', async () => {
    const { form, id } = await appliedAndVerified(gateway.url);
    const key = randomUUID();
    const approve = () =>
      request(access.url)
        .post(`/internal/access-applications/${id}/approve`)
        .set('authorization', `Bearer ${adminToken}`)
        .set('idempotency-key', key);
    const first = await approve().expect(200);
    const retry = await approve().expect(200);
    expect(retry.body).toEqual(first.body);

    // Without the key, a second approval is the illegal move it is.
    await request(access.url)
      .post(`/internal/access-applications/${id}/approve`)
      .set('authorization', `Bearer ${adminToken}`)
      .expect(409);
    // The same key on another decision is another request.
    const reused = await request(access.url)
      .post(`/internal/access-applications/${id}/reject`)
      .set('authorization', `Bearer ${adminToken}`)
      .set('idempotency-key', key)
      .send({ reason: 'changed my mind' })
      .expect(422);
    expect(reused.body.code).toBe('idempotency_key_reused');

    expect(await accessDb.collection('accounts').countDocuments({ email: form.officer.email })).toBe(1);
    await latestMailTo(form.officer.email, 'activate your account');
    const stored = await accessDb.collection('access_applications').findOne({ _id: id as never });
    expect(stored?.status).toBe('approved');
    await waitFor('the approval event to be published', async () => {
      const accounts = await accessDb.collection('accounts').find({ email: form.officer.email }).toArray();
      const applications = await accessDb
        .collection('access_applications')
        .find({ _id: id as never })
        .toArray();
      return [...accounts, ...applications].every((document) => document.outboxPending !== true);
    });
    const activationMails = (await mailCatcher.to(form.officer.email)).filter((mail) =>
      mail.subject.includes('activate your account'),
    );
    expect(activationMails).toHaveLength(1);
  });

  it('forgets keys once their 24-hour window has passed, through the leased pruning job', async () => {
    const form = accessApplicationForm();
    const key = randomUUID();
    const first = await apply(form, key).expect(201);
    const records = accessDb.collection<{ _id: string; createdAt: Date }>('idempotency_records');
    const stored = await records.countDocuments();
    expect(stored).toBeGreaterThan(0);

    // Two days on, one period later: everything made so far is past the window, except a key
    // made an hour before "then".
    const later = new Date(Date.now() + 2 * 86_400_000 + PRUNE_EVERY_MS);
    await records.insertOne({ _id: 'recent-key', createdAt: new Date(later.getTime() - 3_600_000) });
    const clock = jest.spyOn(access.app.get(Clock), 'now').mockReturnValue(later);
    try {
      expect(await access.app.get(LeasedJobs).runNow(IDEMPOTENCY_RECORD_PRUNING_JOB)).toBe(true);
    } finally {
      clock.mockRestore();
    }
    expect(await records.find({}).toArray()).toEqual([{ _id: 'recent-key', createdAt: expect.any(Date) }]);

    // The key is forgotten: the same request runs again as a new one.
    const again = await apply(form, key).expect(201);
    expect(again.body.id).toBe(first.body.id); // the derived id meets the stored application …
    expect(await applicationsOf(form.officer.email)).toBe(1); // … which is not stored twice
  });

  it('drops a command whose deadline has passed instead of running it late', async () => {
    const stale = accessApplicationForm();
    const fresh = accessApplicationForm();
    const command = (form: object, deadline: Date) => ({
      key: 'deadline-test',
      value: JSON.stringify({
        id: randomUUID(),
        correlationId: `deadline-${randomUUID()}`,
        actor: { kind: 'anonymous', roles: [] },
        deadline: deadline.toISOString(),
        payload: {
          ...form,
          proofOfAuthority: [
            {
              objectKey: `access-applications/${randomUUID()}`,
              sha256: 'a'.repeat(64),
              size: 10,
              contentType: 'application/pdf',
            },
          ],
        },
      }),
    });
    // Same key, same partition: the stale one is handled before the fresh one.
    await produceRaw(COMMAND_TOPICS.accessSubmitApplication, [
      command(stale, new Date(Date.now() - 1000)),
      command(fresh, new Date(Date.now() + 60_000)),
    ]);
    await waitFor(
      'the fresh command to be applied',
      async () => (await applicationsOf(fresh.officer.email)) === 1,
    );
    expect(await applicationsOf(stale.officer.email)).toBe(0);
  });
});
