import request from 'supertest';
import { mailCatcher, openTestDatabase, waitFor } from '@lers/testing';
import { bootAccess, bootNotification } from '../../../test/e2e/backbone-harness';
import { adminLogin } from './identity-helpers';

/**
 * A keyed invitation retried after its first attempt stored the account but died before
 * remembering its answer (simulated by removing the idempotency record): the retry meets its own
 * first write and answers as the first would have, with no second account and no second e-mail.
 */
describe('a keyed staff invitation retried after a crash', () => {
  let access: Awaited<ReturnType<typeof bootAccess>>;
  let notification: Awaited<ReturnType<typeof bootNotification>>;
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let adminToken: string;

  beforeAll(async () => {
    notification = await bootNotification();
    access = await bootAccess();
    db = await openTestDatabase(access.config.MONGO_DB);
    adminToken = (await adminLogin(access.url)).accessToken;
  }, 120_000);

  afterAll(async () => {
    await access?.close();
    await notification?.close();
    await db?.dropDatabase();
    await db?.close();
  });

  it('answers 201 with the same account, stores one, and e-mails once', async () => {
    const email = `keyed-${Date.now().toString(36)}@exchange.test`;
    const invite = () =>
      request(access.url)
        .post('/internal/staff')
        .set('authorization', `Bearer ${adminToken}`)
        .set('idempotency-key', `invite-${email}`)
        .send({ email, fullName: 'Kim Keyed', roles: ['legal'] });
    const first = await invite().expect(201);
    await waitFor(
      'the invitation e-mail',
      async () => (await mailCatcher.to(email)).length === 1 || undefined,
    );

    const forgotten = await db.collection('idempotency_records').deleteMany({});
    expect(forgotten.deletedCount).toBeGreaterThan(0);
    const retried = await invite();
    expect([retried.status, retried.body.id]).toEqual([201, first.body.id]);

    expect(await db.collection('accounts').countDocuments({ email })).toBe(1);
    // Give a second event the time the first took to become an e-mail: still one.
    await waitFor(
      'the relay to settle',
      async () =>
        (await db.collection('accounts').countDocuments({ outboxPending: true })) === 0 || undefined,
    );
    expect(await mailCatcher.to(email)).toHaveLength(1);
  });

  it('still refuses another invitation for an address that exists (409)', async () => {
    const email = `taken-${Date.now().toString(36)}@exchange.test`;
    const invite = (key: string) =>
      request(access.url)
        .post('/internal/staff')
        .set('authorization', `Bearer ${adminToken}`)
        .set('idempotency-key', key)
        .send({ email, fullName: 'Tai Taken', roles: ['legal'] });
    await invite('first').expect(201);
    const second = await invite('second').expect(409);
    expect(second.body.code).toBe('account_exists');
  });
});
