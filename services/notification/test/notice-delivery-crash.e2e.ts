import { randomUUID } from 'node:crypto';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import request from 'supertest';
import { Clock } from '@lers/clock';
import { EVENT_TOPICS } from '@lers/contracts';
import { KafkaProbe, mailCatcher, waitFor, type RunningService } from '@lers/testing';
import { bootAccess, bootNotification } from '../../../test/e2e/backbone-harness';
import { adminLogin } from '../../access/test/identity-helpers';
import { OUTGOING_EMAIL_MODEL, type OutgoingEmail } from '../src/email/outgoing-email.schema';
import { approvedEvent, exchangeUser, publishRequestEvent, staffMember } from './notice-helpers';

/**
 * The notification service stops between the SMTP server accepting a notice and its record of
 * that. SMTP has no way to ask whether a message was accepted (RFC 1047), so what LERS guarantees
 * is: never lost, sent again only after such a crash, every copy with one Message-ID, and the
 * release gate settled once. A record that fails while the process lives never causes a resend.
 */
describe('a notice e-mail between sending and recording', () => {
  let access: RunningService<object>;
  let notification: RunningService<{ MONGO_DB: string }>;
  let legal: string;
  let probe: KafkaProbe;

  beforeAll(async () => {
    access = await bootAccess();
    notification = await bootNotification();
    legal = await staffMember(access.url, (await adminLogin(access.url)).accessToken, ['legal']);
    probe = await KafkaProbe.watch(EVENT_TOPICS.notificationEvents);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await probe?.stop();
    await notification?.close();
    await access?.close();
  });

  const emailsOf = (service: RunningService<object>) =>
    service.app.get<Model<OutgoingEmail>>(getModelToken(OUTGOING_EMAIL_MODEL), { strict: false });
  /** The process is gone before it writes `sent`: that write (and, with `times`, only so many) never lands. */
  function loseSentRecords(service: RunningService<object>, times = Infinity) {
    const emails = emailsOf(service);
    const original = emails.updateOne.bind(emails);
    let lost = 0;
    return jest.spyOn(emails, 'updateOne').mockImplementation(((
      filter: never,
      update: { $set?: { status?: string } },
    ) => {
      if (update.$set?.status === 'sent' && lost < times) {
        lost += 1;
        return Promise.reject(new Error('the process stopped before recording the send'));
      }
      return original(filter, update as never);
    }) as never);
  }
  async function approveFor(user: ReturnType<typeof exchangeUser>) {
    await request(notification.url)
      .post('/internal/user-directory')
      .set('authorization', `Bearer ${legal}`)
      .send({ users: [user] })
      .expect(200);
    const requestId = `req-${randomUUID()}`;
    await publishRequestEvent(approvedEvent({ requestId, subjects: [{ type: 'uid', value: user.userId }] }));
    return requestId;
  }
  const noticeOf = async (requestId: string) =>
    (
      await request(notification.url)
        .get('/internal/notices')
        .query({ requestId })
        .set('authorization', `Bearer ${legal}`)
        .expect(200)
    ).body.items[0];
  const settlementIds = (requestId: string) =>
    new Set(probe.seen.filter((message) => message.key === requestId).map((m) => JSON.parse(m.value!).id))
      .size;

  it('a record that fails while the service runs is written again, and the e-mail is not sent again', async () => {
    const user = exchangeUser();
    const spy = loseSentRecords(notification, 1);
    const requestId = await approveFor(user);
    await waitFor('the notice delivered', async () => (await noticeOf(requestId))?.status === 'delivered');
    spy.mockRestore();
    expect(await emailsOf(notification).findOne({ to: user.email }).lean()).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
    expect(await mailCatcher.to(user.email)).toHaveLength(1);
  });

  it('after a crash the e-mail goes out again with the same Message-ID; the notice settles once', async () => {
    const user = exchangeUser();
    loseSentRecords(notification);
    const requestId = await approveFor(user);
    await mailCatcher.waitForMailTo(user.email);
    expect(await emailsOf(notification).findOne({ to: user.email }).lean()).toMatchObject({
      status: 'sending',
    });

    await notification.close(); // the crash: nothing more of this process reaches the database
    jest.restoreAllMocks();
    notification = await bootNotification();
    // Past the dead process's 60-second lease on the send.
    jest
      .spyOn(notification.app.get(Clock), 'now')
      .mockImplementation(() => new Date(Date.now() + 2 * 60_000));

    await waitFor('the notice delivered', async () => (await noticeOf(requestId))?.status === 'delivered');
    const copies = await mailCatcher.to(user.email);
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((mail) => mail.headers['message-id'])).size).toBe(1);
    expect(copies[0].headers['message-id']).toMatch(/^<[0-9a-f]{40}@lers>$/);
    await probe.waitForMessage('the settlement', (message) => message.key === requestId);
    expect(settlementIds(requestId)).toBe(1);
    expect(await noticeOf(requestId)).toMatchObject({ status: 'delivered', settled: 'delivered' });
  });
});
