import request from 'supertest';
import type { RunningService } from '@lers/testing';
import { bootAccess, bootGateway, bootNotification } from '../../../test/e2e/backbone-harness';
import { adminLogin, appliedAndVerified, codeIn, latestMailTo, totpNow } from './identity-helpers';

/**
 * Passwords, tokens and TOTP secrets never reach the logs, at the most verbose level, along the
 * whole identity path. Every line the services write is captured from stdout.
 */
describe('logs carry no secrets', () => {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  let gateway: RunningService<object>;
  let access: RunningService<object>;
  let notification: RunningService<object>;

  beforeAll(async () => {
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return write(chunk, ...rest);
    }) as typeof process.stdout.write;
    const verbose = { LOG_LEVEL: 'trace' };
    notification = await bootNotification(verbose);
    access = await bootAccess(verbose);
    gateway = await bootGateway(verbose);
  });

  afterAll(async () => {
    process.stdout.write = write;
    await gateway?.close();
    await access?.close();
    await notification?.close();
  });

  it('from application to refresh, no secret appears in any log line', async () => {
    const admin = await adminLogin(access.url);
    const { form, id } = await appliedAndVerified(gateway.url);
    const verificationToken = codeIn((await latestMailTo(form.officer.email, 'confirm your e-mail')).text);
    await request(access.url)
      .post(`/internal/access-applications/${id}/approve`)
      .set('authorization', `Bearer ${admin.accessToken}`)
      .expect(200);
    const activationToken = codeIn((await latestMailTo(form.officer.email, 'activate your account')).text);
    const password = 'a long and secret passphrase 7';
    const enrolment = await request(gateway.url)
      .post('/v1/auth/activate')
      .send({ token: activationToken, password })
      .expect(200);
    const totpSecret = enrolment.body.totpSecret as string;
    await request(gateway.url)
      .post('/v1/auth/totp/confirm')
      .send({ token: activationToken, code: totpNow(totpSecret) })
      .expect(200);
    await request(gateway.url)
      .post('/v1/auth/login')
      .send({ email: form.officer.email, password: 'a wrong passphrase, logged?', totp: '123456' })
      .expect(401);
    const tokens = (
      await request(gateway.url)
        .post('/v1/auth/login')
        .send({ email: form.officer.email, password, totp: totpNow(totpSecret) })
        .expect(200)
    ).body;
    const refreshed = (
      await request(gateway.url)
        .post('/v1/auth/refresh')
        .send({ refreshToken: tokens.refreshToken })
        .expect(200)
    ).body;
    await request(gateway.url)
      .get('/v1/me')
      .set('authorization', `Bearer ${refreshed.accessToken}`)
      .expect(200);

    const logged = lines.join('');
    expect(logged).toContain('"correlationId"');
    expect(logged).toContain('logged in');
    const secrets = {
      password,
      wrongPassword: 'a wrong passphrase, logged?',
      totpSecret,
      verificationToken,
      activationToken,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      refreshedAccessToken: refreshed.accessToken,
      refreshedRefreshToken: refreshed.refreshToken,
      refreshSecret: String(tokens.refreshToken).split('.')[1],
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect({ name, found: logged.includes(secret) }).toEqual({ name, found: false });
    }
  });
});
