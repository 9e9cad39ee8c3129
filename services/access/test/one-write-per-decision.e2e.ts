import { randomUUID } from 'node:crypto';
import type { Document as MongoDocument } from 'mongodb';
import request from 'supertest';
import { EVENT_TOPICS, Problem } from '@lers/contracts';
import { newEvent, type OutboxEvent } from '@lers/messaging';
import {
  accessApplicationForm,
  KafkaProbe,
  mailCatcher,
  produceRaw,
  samplePdf,
  waitFor,
} from '@lers/testing';
import { bootIdentityStack, type IdentityStack } from '../../../test/e2e/backbone-harness';
import { newActivation } from '../src/accounts/activation-link';
import { ApproveApplicationUseCase } from '../src/applications/use-cases/approve-application';
import { ReviewApplicationsUseCase } from '../src/applications/use-cases/review-applications';
import { activeOfficer, appliedAndVerified, codeIn, latestMailTo, totpNow } from './identity-helpers';

const ACTIVATION_SUBJECT = 'activate your account';

/**
 * Each decision of the access service is one single-document write carrying its event; whatever
 * follows is repaired by a retry. Crashes are simulated by writing the state they leave.
 */
describe('one write per decision', () => {
  let stack: IdentityStack;
  let gateway: IdentityStack['gateway'];
  let access: IdentityStack['access'];
  let accessDb: IdentityStack['accessDb'];
  let notificationDb: IdentityStack['notificationDb'];
  let adminToken: string;

  beforeAll(async () => {
    stack = await bootIdentityStack();
    ({ gateway, access, accessDb, notificationDb, adminToken } = stack);
  });

  afterAll(() => stack?.close());

  type Stored = MongoDocument & { _id: string };
  const applications = () => accessDb.collection<Stored>('access_applications');
  const accounts = () => accessDb.collection<Stored>('accounts');
  const review = (id: string, action: 'approve' | 'reject') =>
    request(access.url)
      .post(`/internal/access-applications/${id}/${action}`)
      .set('authorization', `Bearer ${adminToken}`)
      .send(action === 'reject' ? { reason: 'Not a law-enforcement agency.' } : {});

  /**
   * The access service keys an application's events by its id, so they share a partition that
   * notification consumes in order: once a later event on that key has been e-mailed, every
   * e-mail the earlier ones cause is queued. Then every queued e-mail to `address` has to be sent.
   */
  async function mailsAfterEverythingOn(key: string, address: string, subject: string) {
    const sentinel = `sentinel-${randomUUID()}@lers.test`;
    const { topic, ...envelope } = newEvent('access', 'access.application.rejected', key, {
      applicationId: key,
      fullName: 'Sentinel',
      email: sentinel,
      reason: 'Marks the end of the events before it.',
    });
    await produceRaw(topic, [{ key, value: JSON.stringify(envelope) }]);
    await mailCatcher.waitForMailTo(sentinel);
    await waitFor(`every e-mail to ${address} to be sent`, async () => {
      const queued = await notificationDb.collection('outgoing_emails').find({ to: address }).toArray();
      return queued.every((email) => email.status === 'sent');
    });
    return (await mailCatcher.to(address)).filter((mail) => mail.subject.includes(subject));
  }

  it('finishes an approval that crashed after creating the account: one account, one e-mail, no reject', async () => {
    const { form, id } = await appliedAndVerified(gateway.url);
    // What approval leaves when the process dies right after its decision (the account and its event).
    const now = new Date();
    const activation = newActivation(now);
    const accountId = `officer-${id}`;
    const event = newEvent('access', 'access.application.approved', id, {
      applicationId: id,
      accountId,
      fullName: form.officer.fullName,
      email: form.officer.email,
      agencyName: form.agency.name,
      activationToken: activation.token,
      activationExpiresAt: activation.expiresAt.toISOString(),
    });
    await applications().updateOne({ _id: id }, { $set: { approvalStartedAt: now }, $inc: { revision: 1 } });
    await accounts().insertOne(crashedApprovalAccount(accountId, id, form, activation.stored, now, event));

    const rejected = await review(id, 'reject').expect(409);
    expect(rejected.body.code).toBe('invalid_transition');
    const retried = await review(id, 'approve').expect(200);
    expect(retried.body).toEqual({ id, status: 'approved', accountId });

    expect(await accounts().countDocuments({ applicationId: id })).toBe(1);
    expect(await applications().findOne({ _id: id })).toMatchObject({
      status: 'approved',
      decidedBy: 'reviewer-before-crash',
      decidedAt: now,
      approvalStartedAt: null,
    });
    const mails = await mailsAfterEverythingOn(id, form.officer.email, ACTIVATION_SUBJECT);
    expect(mails).toHaveLength(1);
    // The one e-mail's link finds its account.
    await request(gateway.url)
      .post('/v1/auth/activate')
      .send({ token: codeIn(mails[0].text), password: 'correct horse battery staple 42' })
      .expect(200);
  });

  /** In process, so the attempts really meet at the database (over HTTP they arrive one by one). */
  const decide = (id: string, action: 'approve' | 'reject', reviewer: string) =>
    (action === 'approve'
      ? access.app.get(ApproveApplicationUseCase).execute(id, reviewer)
      : access.app.get(ReviewApplicationsUseCase).reject(id, reviewer, 'Not a law-enforcement agency.')
    ).then(
      (result) => ({ action, status: 200, code: null as string | null, result }),
      (error: unknown) =>
        error instanceof Problem
          ? { action, status: error.status, code: error.code, result: null }
          : { action, status: 500, code: String(error), result: null },
    );

  it('approves once when five approvals of one application race: one 200, four 409', async () => {
    const { form, id } = await appliedAndVerified(gateway.url);
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map((n) => decide(id, 'approve', `reviewer-${n}`)));
    expect(outcomes.map((outcome) => outcome.code ?? outcome.status).sort()).toEqual([
      200,
      'invalid_transition',
      'invalid_transition',
      'invalid_transition',
      'invalid_transition',
    ]);
    expect(outcomes.find((outcome) => outcome.status === 200)?.result).toEqual({
      id,
      status: 'approved',
      accountId: `officer-${id}`,
    });

    expect(await accounts().countDocuments({ applicationId: id })).toBe(1);
    const account = await accounts().findOne({ applicationId: id });
    expect(await applications().findOne({ _id: id })).toMatchObject({
      status: 'approved',
      approvalStartedAt: null,
      decidedBy: account?.createdBy,
    });
    expect(await mailsAfterEverythingOn(id, form.officer.email, ACTIVATION_SUBJECT)).toHaveLength(1);
    expect((await review(id, 'approve').expect(409)).body.code).toBe('invalid_transition');
  });

  it('lets an approval and a rejection of one application never both happen', async () => {
    const { form, id } = await appliedAndVerified(gateway.url);
    const attempts = await Promise.all(
      ['approve', 'reject', 'approve', 'reject', 'approve', 'reject'].map((action, n) =>
        decide(id, action as 'approve' | 'reject', `reviewer-${n}`),
      ),
    );
    const won = (action: string) => attempts.filter((a) => a.action === action && a.status === 200).length;
    const refusals = attempts.filter((attempt) => attempt.status !== 200);
    expect(refusals.map((attempt) => attempt.code)).toEqual(refusals.map(() => 'invalid_transition'));
    const stored = await applications().findOne({ _id: id });
    const accountCount = await accounts().countDocuments({ applicationId: id });
    if (stored?.status === 'approved') {
      expect({ approvals: won('approve'), rejections: won('reject'), accountCount }).toEqual({
        approvals: 1,
        rejections: 0,
        accountCount: 1,
      });
    } else {
      expect({ status: stored?.status, approvals: won('approve'), rejections: won('reject') }).toEqual({
        status: 'rejected',
        approvals: 0,
        rejections: 1,
      });
      expect(accountCount).toBe(0);
    }
    const decisions = (await mailsAfterEverythingOn(id, form.officer.email, '')).filter(
      (mail) => mail.subject.includes(ACTIVATION_SUBJECT) || mail.subject.includes('not approved'),
    );
    expect(decisions).toHaveLength(1);
  });

  it("refuses with 409 account_exists an e-mail that another application's account holds", async () => {
    const first = await appliedAndVerified(gateway.url);
    await review(first.id, 'approve').expect(200);
    const second = await reapplyWith(first.form.officer);
    const refused = await review(second, 'approve').expect(409);
    expect(refused.body.code).toBe('account_exists');
    expect(await accounts().countDocuments({ email: first.form.officer.email })).toBe(1);
    expect(await applications().findOne({ _id: second })).toMatchObject({
      status: 'pending_review',
      approvalStartedAt: null,
    });
    await review(second, 'reject').expect(200);
  });

  it('ends every session of an officer whose suspension was written but whose sessions were not revoked', async () => {
    const officer = await activeOfficer(gateway.url, access.url, adminToken);
    const tokens = (
      await request(gateway.url)
        .post('/v1/auth/login')
        .send({ email: officer.email, password: officer.password, totp: totpNow(officer.totpSecret) })
        .expect(200)
    ).body;
    const me = () => request(gateway.url).get('/v1/me').set('authorization', `Bearer ${tokens.accessToken}`);
    await me().expect(200);
    const account = await accounts().findOne({ applicationId: officer.applicationId });
    // What suspension leaves when the process dies after its own write (with its event, which the
    // relay's scan publishes), before revoking sessions.
    const suspended = newEvent('access', 'access.account.suspended', account!._id, {
      accountId: account!._id,
      kind: 'officer',
      status: 'suspended',
    });
    await accounts().updateOne(
      { _id: account!._id },
      {
        $set: {
          status: 'suspended',
          suspendedAt: new Date(),
          suspensionReason: 'Crash test.',
          outboxPending: true,
        },
        $push: { outbox: suspended as never },
        $inc: { revision: 1 },
      },
    );

    // The gateway's session view drops the session when the event arrives (within a second).
    const refused = await waitFor(
      'the session refused',
      async () => {
        const response = await me();
        return response.status === 401 && response;
      },
      { timeoutMs: 2000 },
    );
    expect(refused.body.code).toBe('session_ended');
    const sessions = await accessDb.collection('sessions').find({ accountId: account?._id }).toArray();
    expect(sessions.map((session) => session.revokedAt)).toEqual([null]);
  });

  it('announces an activation exactly once, even when the code is confirmed three times at once', async () => {
    const probe = await KafkaProbe.watch(EVENT_TOPICS.accessEvents);
    try {
      const { form, id } = await appliedAndVerified(gateway.url);
      const { accountId } = (await review(id, 'approve').expect(200)).body;
      const token = codeIn((await latestMailTo(form.officer.email, ACTIVATION_SUBJECT)).text);
      const enrolment = await request(gateway.url)
        .post('/v1/auth/activate')
        .send({ token, password: 'correct horse battery staple 42' })
        .expect(200);
      const code = totpNow(enrolment.body.totpSecret);
      const confirmations = await Promise.all(
        [1, 2, 3].map(() => request(gateway.url).post('/v1/auth/totp/confirm').send({ token, code })),
      );
      expect(confirmations.map((response) => response.status).sort()).toEqual([200, 400, 400]);
      expect(await accounts().findOne({ _id: accountId })).toMatchObject({ status: 'active' });

      // A later message on the account's key (so its partition) closes what the probe must have seen.
      const { topic, ...sentinel } = newEvent('access', 'access.account.activated', accountId, {
        accountId: `sentinel-${randomUUID()}`,
        kind: 'officer',
        status: 'active',
      });
      await produceRaw(topic, [{ key: accountId, value: JSON.stringify(sentinel) }]);
      await probe.waitForMessage('the sentinel', (message) => message.value?.includes(sentinel.id) ?? false);
      const activated = probe.seen
        .filter((message) => message.headers['x-event-type'] === 'access.account.activated')
        .map((message) => JSON.parse(message.value ?? '{}'))
        .filter((envelope) => envelope.payload.accountId === accountId);
      expect(activated).toHaveLength(1);
      expect(activated[0]).toMatchObject({
        key: accountId,
        producer: 'access',
        payload: { accountId, kind: 'officer', status: 'active' },
      });
    } finally {
      await probe.stop();
    }
  });

  /** A second application by the same officer, verified: pending review. */
  async function reapplyWith(officer: ReturnType<typeof accessApplicationForm>['officer']) {
    const form = accessApplicationForm({ officer });
    const verificationCodes = async () =>
      (await mailCatcher.to(officer.email))
        .filter((mail) => mail.subject.includes('confirm your e-mail'))
        .map((mail) => codeIn(mail.text));
    const before = await verificationCodes();
    const applied = await request(gateway.url)
      .post('/v1/access-applications')
      .field('application', JSON.stringify(form))
      .attach('proofOfAuthority', samplePdf(), 'proof.pdf')
      .expect(201);
    // By code, not by e-mail: a redelivered copy of the first application's e-mail has the old code.
    const code = await waitFor('the second verification e-mail', async () =>
      (await verificationCodes()).find((candidate) => !before.includes(candidate)),
    );
    await request(gateway.url).post('/v1/access-applications/verify-email').send({ token: code }).expect(200);
    return applied.body.id as string;
  }
});

function crashedApprovalAccount(
  accountId: string,
  applicationId: string,
  form: ReturnType<typeof accessApplicationForm>,
  activation: { tokenHash: string; expiresAt: Date },
  now: Date,
  event: OutboxEvent,
) {
  return {
    _id: accountId,
    kind: 'officer',
    email: form.officer.email,
    fullName: form.officer.fullName,
    title: form.officer.title,
    badgeNumber: form.officer.badgeNumber,
    roles: [],
    agency: { id: `agency-${applicationId}`, ...form.agency },
    applicationId,
    status: 'pending_activation',
    passwordHash: null,
    totpSecret: null,
    activation,
    failedLogins: [],
    createdAt: now,
    createdBy: 'reviewer-before-crash',
    activatedAt: null,
    suspendedAt: null,
    suspensionReason: null,
    outbox: [event],
    outboxPending: true,
    revision: 1,
  };
}
