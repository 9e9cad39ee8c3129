import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Clock } from '@lers/clock';
import {
  informationRequestForm,
  mailCatcher,
  openTestDatabase,
  samplePdf,
  waitFor,
  type RunningService,
} from '@lers/testing';
import { officerApi, staffApi } from '../../services/gateway/test/request-flows';
import { activeOfficer, adminLogin, totpNow } from '../../services/access/test/identity-helpers';
import { staffMember } from '../../services/notification/test/notice-helpers';
import { bootAccess, bootGateway, bootNotification, bootRequests } from './backbone-harness';

/**
 * The whole saga over Kafka: approval → notice e-mail → settlement → release. The SMTP server is
 * unreachable at first, so the package demonstrably waits for the notice; and the notice carries
 * none of the request's confidential fields.
 */
describe('user notice before disclosure', () => {
  let notification: RunningService<{ MONGO_DB: string }>;
  let access: RunningService<object>;
  let requests: RunningService<object>;
  let gateway: RunningService<object>;

  beforeAll(async () => {
    notification = await bootNotification();
    access = await bootAccess();
    requests = await bootRequests();
    gateway = await bootGateway();
  });

  afterAll(async () => {
    await gateway?.close();
    await requests?.close();
    await access?.close();
    await notification?.close();
  });

  it('tells the user before the officer sees the package, and tells them nothing confidential', async () => {
    const admin = (await adminLogin(access.url)).accessToken;
    const officerAccount = await activeOfficer(gateway.url, access.url, admin);
    const login = await request(gateway.url)
      .post('/v1/auth/login')
      .send({
        email: officerAccount.email,
        password: officerAccount.password,
        totp: totpNow(officerAccount.totpSecret),
      })
      .expect(200);
    const officer = officerApi(gateway.url, login.body.accessToken);
    const legal = await staffMember(access.url, admin, ['legal']);
    const staff = staffApi(requests.url, legal);

    const tag = randomUUID().slice(0, 8);
    const user = { userId: `U-${tag}`, email: `holder-${tag}@customers.test` };
    await request(notification.url)
      .post('/internal/user-directory')
      .set('authorization', `Bearer ${legal}`)
      .send({ users: [{ ...user, identifiers: [{ type: 'email', value: `suspect-${tag}@example.com` }] }] })
      .expect(200);

    const markers = {
      summary: `MARKER-SUMMARY-${tag}: victims paid into an account that forwarded the funds to a mixer.`,
      caseReference: `MARKER-CASEREF-${tag}`,
      legalBasis: `MARKER-LEGALBASIS-${tag}`,
    };
    // Nothing listens on port 1: every send fails until the service comes back with the real server.
    await notification.close();
    notification = await bootNotification({ SMTP_URL: 'smtp://127.0.0.1:1' });

    const form = informationRequestForm({
      ...markers,
      subjects: [{ type: 'email', value: `suspect-${tag}@example.com` }],
    });
    const id = (await officer.create(form).expect(201)).body.id as string;
    await officer.upload(id).expect(201);
    const caseNumber = (await officer.submit(id).expect(200)).body.caseNumber as string;
    await staff.assign(id).expect(200);
    await staff.approve(id).expect(200);
    await staff.uploadPackage(id, samplePdf(1024), 'records.pdf').expect(201);

    const notices = () =>
      request(notification.url)
        .get('/internal/notices')
        .query({ requestId: id })
        .set('authorization', `Bearer ${legal}`)
        .expect(200);
    await waitFor('the notice failing to send', async () => {
      const [notice] = (await notices()).body.items;
      return notice?.status === 'pending' && notice.reason === 'sending';
    });
    await waitFor('a failed try', async () => {
      const mail = await notificationEmail(id);
      return !!mail?.lastError;
    });
    expect((await officer.disclosures(id).expect(200)).body.items).toEqual([]);
    expect(await mailCatcher.to(user.email)).toHaveLength(0);

    // The service comes back with a working SMTP server; its clock is past the retry's backoff.
    await notification.close();
    notification = await bootNotification();
    jest
      .spyOn(notification.app.get(Clock), 'now')
      .mockImplementation(() => new Date(Date.now() + 15 * 60_000));

    const [released] = await waitFor('the package released', async () => {
      const { items } = (await officer.disclosures(id).expect(200)).body;
      return items.length ? items : undefined;
    });
    const mails = await mailCatcher.to(user.email);
    expect(mails).toHaveLength(1);
    expect(Date.parse((mails[0] as unknown as { time: string }).time)).toBeLessThanOrEqual(
      Date.parse(released.releasedAt),
    );
    expect((await notices()).body.items[0]).toMatchObject({ status: 'delivered', settled: 'delivered' });

    expect(mails[0].text).toContain('an authority in United Kingdom');
    const confidential = [...Object.values(markers), 'Alex Officer', officerAccount.email, id, caseNumber];
    for (const mail of mails) {
      const everything = JSON.stringify(mail);
      for (const secret of confidential)
        expect({ secret, found: everything.includes(secret) }).toEqual({ secret, found: false });
    }
  });

  async function notificationEmail(requestId: string) {
    const db = await openTestDatabase(notification.config.MONGO_DB);
    try {
      return await db
        .collection('outgoing_emails')
        .findOne({ _id: new RegExp(`^user-notice:${requestId}:`) as never });
    } finally {
      await db.close();
    }
  }
});
