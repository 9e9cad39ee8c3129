import { createHash, generateKeyPairSync } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { AUDIENCE, TOKEN_ISSUER } from '@lers/auth';
import { Clock } from '@lers/clock';
import { openTestDatabase, samplePdf, testJwtKeys, type RunningService } from '@lers/testing';
import { bootAccess, bootGateway, bootNotification } from '../../../test/e2e/backbone-harness';
import {
  activeOfficer,
  adminLogin,
  appliedAndVerified,
  codeIn,
  latestMailTo,
  staffLogin,
  totpNow,
  unusedTotp,
} from './identity-helpers';

/** From application to first login, and every rule of the Access section of the contract. */
describe('identity and access', () => {
  let gateway: RunningService<object>;
  let access: RunningService<{ MONGO_DB: string }>;
  let notification: RunningService<{ MONGO_DB: string }>;
  let accessDb: Connection;
  let adminToken: string;

  beforeAll(async () => {
    notification = await bootNotification();
    access = await bootAccess();
    // These tests move access's clock and expect its answer at once: the gateway asks it every call
    // (its session view, with events and a TTL, is tested in services/gateway/test/session-view.e2e.ts).
    gateway = await bootGateway({ SESSION_VIEW_TTL_MS: '0' });
    accessDb = await openTestDatabase(access.config.MONGO_DB);
    adminToken = (await adminLogin(access.url)).accessToken;
  });

  afterAll(async () => {
    await gateway?.close();
    await access?.close();
    await notification?.close();
    await accessDb?.dropDatabase();
    await accessDb?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const officerLogin = (
    officer: { email: string; password: string; totpSecret: string },
    totp = totpNow(officer.totpSecret),
  ) =>
    request(gateway.url)
      .post('/v1/auth/login')
      .send({ email: officer.email, password: officer.password, totp });

  it('verifies the e-mail: pending_review with reviewDueBy 3 business days later; a bad token is 400', async () => {
    const { verified, id } = await appliedAndVerified(gateway.url);
    expect(verified).toMatchObject({ id, status: 'pending_review', reviewDueBy: expect.any(String) });
    const days = (Date.parse(verified.reviewDueBy) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(2.9);
    expect(days).toBeLessThanOrEqual(7);
    const stored = await accessDb.collection('access_applications').findOne({ _id: id as never });
    expect(stored).toMatchObject({ status: 'pending_review', emailVerification: null });

    const bad = await request(gateway.url)
      .post('/v1/access-applications/verify-email')
      .send({ token: 'nope' })
      .expect(400);
    expect(bad.body.code).toBe('invalid_token');
  });

  it('lists the review queue oldest deadline first with an overdue flag, and rejects with a reason', async () => {
    const first = await appliedAndVerified(gateway.url);
    const queue = await request(access.url)
      .get('/internal/access-applications?status=pending_review&limit=100')
      .set(bearer(adminToken))
      .expect(200);
    const item = queue.body.items.find((candidate: { id: string }) => candidate.id === first.id);
    expect(item).toMatchObject({ overdue: false, reviewDueBy: first.verified.reviewDueBy });
    const deadlines = queue.body.items.map((candidate: { reviewDueBy: string }) => candidate.reviewDueBy);
    expect([...deadlines].sort()).toEqual(deadlines);

    await request(access.url)
      .post(`/internal/access-applications/${first.id}/reject`)
      .set(bearer(adminToken))
      .send({})
      .expect(400);
    await request(access.url)
      .post(`/internal/access-applications/${first.id}/reject`)
      .set(bearer(adminToken))
      .send({ reason: 'The badge number does not match the agency register.' })
      .expect(200);
    const mail = await latestMailTo(first.form.officer.email, 'not approved');
    expect(mail.text).toContain('badge number does not match');
    const again = await request(access.url)
      .post(`/internal/access-applications/${first.id}/approve`)
      .set(bearer(adminToken))
      .expect(409);
    expect(again.body.code).toBe('invalid_transition');
  });

  it('serves a proof of authority to staff as an attachment, byte for byte', async () => {
    const { id } = await appliedAndVerified(gateway.url);
    const detail = await request(access.url)
      .get(`/internal/access-applications/${id}`)
      .set(bearer(adminToken))
      .expect(200);
    const [document] = detail.body.documents;
    const download = await request(access.url)
      .get(`/internal/access-applications/${id}/documents/${document.id}`)
      .set(bearer(adminToken))
      .buffer(true)
      .expect(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const expected = createHash('sha256').update(samplePdf()).digest('hex');
    expect(download.headers['x-content-sha256']).toBe(expected);
    expect(
      createHash('sha256')
        .update(download.body as Buffer)
        .digest('hex'),
    ).toBe(expected);
    await request(access.url)
      .get(`/internal/access-applications/${id}/documents/unknown`)
      .set(bearer(adminToken))
      .expect(404);
  });

  it('takes an officer from approval to first login, refuses a weak password, and shows /v1/me', async () => {
    const { form, id } = await appliedAndVerified(gateway.url);
    await request(access.url)
      .post(`/internal/access-applications/${id}/approve`)
      .set(bearer(adminToken))
      .expect(200);
    const token = codeIn((await latestMailTo(form.officer.email, 'activate your account')).text);

    const weak = await request(gateway.url)
      .post('/v1/auth/activate')
      .send({ token, password: 'password1234' })
      .expect(422);
    expect(weak.body.code).toBe('weak_password');
    const short = await request(gateway.url)
      .post('/v1/auth/activate')
      .send({ token, password: 'short' })
      .expect(422);
    expect(short.body.code).toBe('weak_password');

    const password = 'correct horse battery staple 42';
    const enrolment = await request(gateway.url)
      .post('/v1/auth/activate')
      .send({ token, password })
      .expect(200);
    expect(enrolment.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const wrongCode = await request(gateway.url)
      .post('/v1/auth/totp/confirm')
      .send({ token, code: '000000' })
      .expect(422);
    expect(wrongCode.body.code).toBe('invalid_totp');
    await request(gateway.url)
      .post('/v1/auth/totp/confirm')
      .send({ token, code: totpNow(enrolment.body.totpSecret) })
      .expect(200);

    const account = await accessDb.collection('accounts').findOne({ email: form.officer.email });
    expect(account).toMatchObject({ status: 'active', activation: null });
    expect(account?.passwordHash).toMatch(/^\$argon2id\$/);

    const tokens = await officerLogin({
      email: form.officer.email,
      password,
      totpSecret: enrolment.body.totpSecret,
    }).expect(200);
    expect(tokens.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
    });
    const me = await request(gateway.url).get('/v1/me').set(bearer(tokens.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({
      officer: { email: form.officer.email, status: 'active' },
      agency: { name: form.agency.name, country: 'GB', kind: 'police' },
    });
  });

  it('answers 401 invalid_credentials the same way whatever was wrong, and 423 after 5 failures', async () => {
    const officer = await activeOfficer(gateway.url, access.url, adminToken);
    const wrongPassword = await officerLogin({ ...officer, password: 'not the password at all' }).expect(401);
    const wrongTotp = await officerLogin(officer, '000000').expect(401);
    const unknown = await officerLogin({ ...officer, email: 'nobody@met.police.uk' }).expect(401);
    for (const response of [wrongPassword, wrongTotp, unknown]) {
      expect(response.body).toMatchObject({ code: 'invalid_credentials', detail: wrongPassword.body.detail });
    }
    const missing = await request(gateway.url)
      .post('/v1/auth/login')
      .send({ email: officer.email })
      .expect(400);
    expect(missing.body.code).toBe('validation_failed');
    const extra = await request(gateway.url)
      .post('/v1/auth/login')
      .send({
        email: officer.email,
        password: officer.password,
        totp: totpNow(officer.totpSecret),
        admin: true,
      })
      .expect(400);
    expect(extra.body.code).toBe('validation_failed');
    for (let attempt = 0; attempt < 3; attempt++) await officerLogin(officer, '000000').expect(401);
    const locked = await officerLogin(officer).expect(423);
    expect(locked.body.code).toBe('account_locked');
  });

  it('rotates refresh tokens, revokes the family on reuse, and ends the session on logout', async () => {
    const officer = await activeOfficer(gateway.url, access.url, adminToken);
    const first = (await officerLogin(officer).expect(200)).body;
    const second = (
      await request(gateway.url)
        .post('/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200)
    ).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);

    const reuse = await request(gateway.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    expect(reuse.body.code).toBe('refresh_token_reused');
    await request(gateway.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: second.refreshToken })
      .expect(401);
    await request(gateway.url).get('/v1/me').set(bearer(second.accessToken)).expect(401);

    // A third code within one step would be a replay (401): take one from a step not used yet.
    const third = (await officerLogin(officer, await unusedTotp(officer.totpSecret)).expect(200)).body;
    await request(gateway.url).post('/v1/auth/logout').set(bearer(third.accessToken)).expect(204);
    await request(gateway.url).get('/v1/me').set(bearer(third.accessToken)).expect(401);
  });

  it('stops a suspended officer at once', async () => {
    const officer = await activeOfficer(gateway.url, access.url, adminToken);
    const tokens = (await officerLogin(officer).expect(200)).body;
    await request(gateway.url).get('/v1/me').set(bearer(tokens.accessToken)).expect(200);
    const account = await accessDb.collection('accounts').findOne({ email: officer.email });
    await request(access.url)
      .post(`/internal/officers/${account?._id}/suspend`)
      .set(bearer(adminToken))
      .send({ reason: 'Reported stolen credentials.' })
      .expect(200);
    await request(gateway.url).get('/v1/me').set(bearer(tokens.accessToken)).expect(401);
    await officerLogin(officer).expect(401);
    expect(await accessDb.collection('accounts').findOne({ email: officer.email })).toMatchObject({
      status: 'suspended',
    });
  });

  it('keeps officers out of /internal (403) and reviewers out of staff management (403)', async () => {
    const officer = await activeOfficer(gateway.url, access.url, adminToken);
    const officerToken = (await officerLogin(officer).expect(200)).body.accessToken;
    await request(access.url).get('/internal/access-applications').set(bearer(officerToken)).expect(403);

    const reviewerEmail = `reviewer-${Date.now()}@exchange.test`;
    await request(access.url)
      .post('/internal/staff')
      .set(bearer(adminToken))
      .send({ email: reviewerEmail, fullName: 'Rae Reviewer', roles: ['reviewer'] })
      .expect(201);
    const twice = await request(access.url)
      .post('/internal/staff')
      .set(bearer(adminToken))
      .send({ email: reviewerEmail.toUpperCase(), fullName: 'Rae Again', roles: ['reviewer'] })
      .expect(409);
    expect(twice.body.code).toBe('account_exists');
    const token = codeIn((await latestMailTo(reviewerEmail, 'added as staff')).text);
    const password = 'reviewer passphrase 2026!';
    const enrolment = await request(access.url)
      .post('/internal/auth/activate')
      .send({ token, password })
      .expect(200);
    await request(access.url)
      .post('/internal/auth/totp/confirm')
      .send({ token, code: totpNow(enrolment.body.totpSecret) })
      .expect(200);
    const reviewer = await staffLogin(access.url, reviewerEmail, password, enrolment.body.totpSecret);

    await request(access.url)
      .get('/internal/access-applications')
      .set(bearer(reviewer.accessToken))
      .expect(200);
    const denied = await request(access.url)
      .post('/internal/staff')
      .set(bearer(reviewer.accessToken))
      .send({ email: `x-${Date.now()}@exchange.test`, fullName: 'X', roles: ['admin'] })
      .expect(403);
    expect(denied.body.code).toBe('forbidden');
    // A staff token is not an officer token on the agency API.
    await request(gateway.url).get('/v1/me').set(bearer(reviewer.accessToken)).expect(403);
  });

  describe('tampered tokens are 401', () => {
    let claims: { sub: string; sid: string; kind: 'officer'; roles: never[] };

    beforeAll(async () => {
      const officer = await activeOfficer(gateway.url, access.url, adminToken);
      const token = (await officerLogin(officer).expect(200)).body.accessToken;
      const decoded = new JwtService().decode(token);
      claims = { sub: decoded.sub, sid: decoded.sid, kind: 'officer', roles: [] };
    });

    const sign = (options: object, key = testJwtKeys.privateKey) =>
      new JwtService().sign(claims, {
        privateKey: key,
        algorithm: 'ES256',
        issuer: TOKEN_ISSUER,
        audience: AUDIENCE.officer,
        expiresIn: 60,
        ...options,
      });

    it('accepts the genuine article (control)', async () => {
      await request(gateway.url)
        .get('/v1/me')
        .set(bearer(sign({})))
        .expect(200);
    });

    it.each([
      [
        'alg none',
        () => {
          const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
          const body = Buffer.from(
            JSON.stringify({
              ...claims,
              iss: TOKEN_ISSUER,
              aud: AUDIENCE.officer,
              exp: Math.floor(Date.now() / 1000) + 60,
            }),
          ).toString('base64url');
          return `${header}.${body}.`;
        },
      ],
      [
        'another key',
        () =>
          sign(
            {},
            generateKeyPairSync('ec', { namedCurve: 'P-256' })
              .privateKey.export({ type: 'pkcs8', format: 'pem' })
              .toString(),
          ),
      ],
      ['expired', () => sign({ expiresIn: -10 })],
      ['wrong audience', () => sign({ audience: 'somebody-else' })],
      [
        'HMAC signed with the public key',
        () =>
          new JwtService().sign(claims, {
            secret: testJwtKeys.publicKey,
            algorithm: 'HS256',
            issuer: TOKEN_ISSUER,
            audience: AUDIENCE.officer,
          }),
      ],
    ])('%s', async (_name, forge) => {
      const response = await request(gateway.url).get('/v1/me').set(bearer(forge())).expect(401);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    });

    it('no token at all', async () => {
      await request(gateway.url).get('/v1/me').expect(401);
    });
  });

  describe('with the access service clock moved forward', () => {
    let offsetMs = 0;
    beforeAll(() => {
      const clock = access.app.get(Clock);
      jest.spyOn(clock, 'now').mockImplementation(() => new Date(Date.now() + offsetMs));
    });
    afterEach(() => (offsetMs = 0));
    afterAll(() => jest.restoreAllMocks());

    it('ends a session nobody used for 30 minutes', async () => {
      const officer = await activeOfficer(gateway.url, access.url, adminToken);
      const tokens = (await officerLogin(officer).expect(200)).body;
      offsetMs = 29 * 60_000;
      await request(gateway.url).get('/v1/me').set(bearer(tokens.accessToken)).expect(200);
      offsetMs = 29 * 60_000 + 31 * 60_000;
      await request(gateway.url).get('/v1/me').set(bearer(tokens.accessToken)).expect(401);
      await request(gateway.url)
        .post('/v1/auth/refresh')
        .send({ refreshToken: tokens.refreshToken })
        .expect(401);
    });

    it('unlocks an account once the 15-minute window has passed', async () => {
      const officer = await activeOfficer(gateway.url, access.url, adminToken);
      for (let attempt = 0; attempt < 5; attempt++) await officerLogin(officer, '000000').expect(401);
      await officerLogin(officer).expect(423);
      offsetMs = 14 * 60_000;
      await officerLogin(officer).expect(423);
      offsetMs = 15 * 60_000 + 1000;
      await officerLogin(officer).expect(200);
    });
  });

  it('rate-limits the public routes with 429 rate_limited', async () => {
    const limited = await bootGateway({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        codes.push(
          (await request(limited.url).post('/v1/access-applications/verify-email').send({ token: 'x' }))
            .status,
        );
      }
      expect(codes.slice(0, 3)).toEqual([400, 400, 400]);
      expect(codes.slice(3)).toEqual([429, 429]);
      const response = await request(limited.url)
        .post('/v1/access-applications/verify-email')
        .send({ token: 'x' })
        .expect(429);
      expect(response.body.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
