import type { Connection } from 'mongoose';
import request from 'supertest';
import { generateSync } from 'otplib';
import { Clock } from '@lers/clock';
import { opsUrlOf } from '@lers/http';
import { openTestDatabase, type RunningService } from '@lers/testing';
import { bootAccess, bootGateway, bootNotification, loggedInStaff } from '../../../test/e2e/backbone-harness';
import { activeOfficer, adminLogin, codeIn, latestMailTo, totpNow } from './identity-helpers';

/** Issue 19: the attacks on sign-in that worked before, each tried over HTTP against the real servers. */
describe('identity hardening', () => {
  let gateway: RunningService<object>;
  let access: RunningService<{ MONGO_DB: string }>;
  let notification: RunningService<{ MONGO_DB: string }>;
  let accessDb: Connection;
  let notificationDb: Connection;
  let adminToken: string;

  beforeAll(async () => {
    notification = await bootNotification();
    access = await bootAccess({ SESSION_ABSOLUTE_LIFETIME_HOURS: '1' });
    gateway = await bootGateway({ SESSION_VIEW_TTL_MS: '0' });
    accessDb = await openTestDatabase(access.config.MONGO_DB);
    notificationDb = await openTestDatabase(notification.config.MONGO_DB);
    adminToken = (await adminLogin(access.url)).accessToken;
  });

  afterAll(async () => {
    await gateway?.close();
    await access?.close();
    await notification?.close();
    await accessDb?.dropDatabase();
    await accessDb?.close();
    await notificationDb?.dropDatabase();
    await notificationDb?.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const officerLogin = ({ email, password, totp }: { email: string; password: string; totp: string }) =>
    request(gateway.url).post('/v1/auth/login').send({ email, password, totp });
  const accounts = () =>
    accessDb.collection<{ _id: string; email: string; totpSecret: string | null }>('accounts');

  async function passwordChecks(): Promise<number> {
    const text = (await request(opsUrlOf(access.app)).get('/metrics').expect(200)).text;
    const samples = text.split('\n').filter((line) => line.startsWith('lers_password_checks_total'));
    if (!samples.length) throw new Error('no lers_password_checks_total in /metrics');
    return samples.reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
  }

  it('locks an account hit by 50 parallel wrong logins after at most 5 password checks', async () => {
    const officer = await activeOfficer(gateway.url, access.url, adminToken);
    const before = await passwordChecks();
    const wrong = { email: officer.email, password: 'wrong password, guessed in parallel', totp: '000000' };
    const statuses = (await Promise.all(Array.from({ length: 50 }, () => officerLogin(wrong)))).map(
      (response) => response.status,
    );
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 423).length).toBeGreaterThanOrEqual(45);
    expect(statuses.every((status) => status === 401 || status === 423)).toBe(true);
    expect((await passwordChecks()) - before).toBeLessThanOrEqual(5);
    // The right password is refused too while the window lasts.
    const right = await officerLogin({ ...officer, totp: totpNow(officer.totpSecret) }).expect(423);
    expect(right.body.code).toBe('account_locked');
  });

  it('counts failures for e-mails without an account too, so 423 says nothing about who exists', async () => {
    const officer = await activeOfficer(gateway.url, access.url, adminToken);
    const nobody = `nobody-${Date.now()}@met.police.uk`;
    for (const email of [officer.email, nobody])
      for (let attempt = 0; attempt < 5; attempt++)
        await officerLogin({ email, password: 'not the password at all', totp: '000000' }).expect(401);
    const known = await officerLogin({ ...officer, totp: '000000' }).expect(423);
    const unknown = await officerLogin({ email: nobody, password: 'x'.repeat(12), totp: '000000' }).expect(
      423,
    );
    expect(unknown.body.code).toBe(known.body.code);
    expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(known.body).sort());
  });

  it('refuses a TOTP code that was already used to log in (401)', async () => {
    const officer = await activeOfficer(gateway.url, access.url, adminToken);
    // A code one step ahead: the same one cannot also have been used by activation.
    const code = generateSync({ secret: officer.totpSecret, epoch: Math.floor(Date.now() / 1000) + 30 });
    await officerLogin({ ...officer, totp: code }).expect(200);
    const replay = await officerLogin({ ...officer, totp: code }).expect(401);
    expect(replay.body.code).toBe('invalid_credentials');
    const stored = await accounts().findOne({ _id: `officer-${officer.applicationId}` });
    expect(stored).toMatchObject({ totpLastStep: expect.any(Number) });
  });

  it('stores TOTP seeds encrypted with a key id, still accepts a plain seed and re-encrypts it', async () => {
    const officer = await activeOfficer(gateway.url, access.url, adminToken);
    const id = `officer-${officer.applicationId}`;
    const stored = (await accounts().findOne({ _id: id }))?.totpSecret ?? '';
    expect(stored).not.toContain(officer.totpSecret);
    expect(stored).toMatch(/^aes-256-gcm:[\w-]+:/);

    await accounts().updateOne({ _id: id }, { $set: { totpSecret: officer.totpSecret } });
    await officerLogin({ ...officer, totp: totpNow(officer.totpSecret) }).expect(200);
    const migrated = (await accounts().findOne({ _id: id }))?.totpSecret ?? '';
    expect(migrated).toMatch(/^aes-256-gcm:[\w-]+:/);
    expect(migrated).not.toContain(officer.totpSecret);
  });

  it('keeps no usable token in sent e-mails, and puts link tokens in the fragment', async () => {
    const officer = await activeOfficer(gateway.url, access.url, adminToken);
    const mail = await latestMailTo(officer.email, 'activate your account');
    const token = codeIn(mail.text);
    expect(mail.text).toContain(`#token=${encodeURIComponent(token)}`);
    expect(mail.text).not.toMatch(/\?token=/);
    const emails = notificationDb.collection<{ to: string; status: string; text: string }>('outgoing_emails');
    const sent = await emails.find({ to: officer.email }).toArray();
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.every((email) => email.status === 'sent')).toBe(true);
    for (const email of sent) {
      expect(email.text).not.toContain(token);
      expect(email.text).not.toMatch(/(?:Code|Activation code): (?!\[redacted\])/);
    }
  });

  it('refuses a staff refresh token on the agency API and an officer one on the staff route (401)', async () => {
    const staff = await loggedInStaff(access.url, adminToken, ['reviewer']);
    const crossed = await request(gateway.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: staff.refreshToken })
      .expect(401);
    expect(crossed.headers['content-type']).toMatch(/problem\+json/);
    // Refused without being consumed: the staff member's own route still rotates it.
    await request(access.url)
      .post('/internal/auth/refresh')
      .send({ refreshToken: staff.refreshToken })
      .expect(200);

    const officer = await activeOfficer(gateway.url, access.url, adminToken);
    const tokens = (await officerLogin({ ...officer, totp: totpNow(officer.totpSecret) }).expect(200)).body;
    await request(access.url)
      .post('/internal/auth/refresh')
      .send({ refreshToken: tokens.refreshToken })
      .expect(401);
    await request(gateway.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: tokens.refreshToken })
      .expect(200);
  });

  describe('with the access clock moved forward', () => {
    let offsetMs = 0;
    beforeAll(() => {
      jest.spyOn(access.app.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + offsetMs));
    });
    afterAll(() => jest.restoreAllMocks());

    it('ends a session at its absolute lifetime (1 h here) although it was never idle', async () => {
      const officer = await activeOfficer(gateway.url, access.url, adminToken);
      let tokens = (await officerLogin({ ...officer, totp: totpNow(officer.totpSecret) }).expect(200)).body;
      for (const minutes of [25, 50]) {
        offsetMs = minutes * 60_000;
        tokens = (
          await request(gateway.url)
            .post('/v1/auth/refresh')
            .send({ refreshToken: tokens.refreshToken })
            .expect(200)
        ).body;
        await request(gateway.url).get('/v1/me').set(bearer(tokens.accessToken)).expect(200);
      }
      offsetMs = 61 * 60_000;
      await request(gateway.url).get('/v1/me').set(bearer(tokens.accessToken)).expect(401);
      await request(gateway.url)
        .post('/v1/auth/refresh')
        .send({ refreshToken: tokens.refreshToken })
        .expect(401);
    });
  });
});
