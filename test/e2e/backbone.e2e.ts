import { opsUrlOf } from '@lers/http';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { deadLetterTopicOf, EVENT_TOPICS } from '@lers/contracts';
import { newEvent } from '@lers/messaging';
import {
  accessApplicationForm,
  KafkaProbe,
  mailCatcher,
  openTestDatabase,
  produceRaw,
  samplePdf,
  waitFor,
  type RunningService,
} from '@lers/testing';
import { bootAccess, bootGateway, bootNotification } from './backbone-harness';

/** An `access.application.submitted` event as the access service would write it. */
function submittedEvent(applicationId: string, form: ReturnType<typeof accessApplicationForm>) {
  return newEvent('access', 'access.application.submitted', applicationId, {
    applicationId,
    agency: { name: form.agency.name, country: form.agency.country },
    officer: { fullName: form.officer.fullName, email: form.officer.email },
    verificationToken: randomBytes(32).toString('base64url'),
    verificationExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
}

/**
 * The messaging backbone end to end, on real Kafka, FerretDB, MinIO and SMTP:
 * gateway → access (state + outbox in one write) → relay → Kafka → notification (idempotent) → e-mail.
 */
describe('messaging backbone', () => {
  let gateway: RunningService<object>;
  let access: RunningService<{ MONGO_DB: string }>;
  let notification: RunningService<{ MONGO_DB: string }>;
  let accessDb: Connection;
  let notificationDb: Connection;

  beforeAll(async () => {
    notification = await bootNotification();
    access = await bootAccess();
    gateway = await bootGateway();
    accessDb = await openTestDatabase(access.config.MONGO_DB);
    notificationDb = await openTestDatabase(notification.config.MONGO_DB);
  });

  afterAll(async () => {
    await gateway?.close();
    await access?.close();
    await notification?.close();
    await accessDb?.dropDatabase();
    await notificationDb?.dropDatabase();
    await accessDb?.close();
    await notificationDb?.close();
  });

  const sentEmails = (filter: object) => notificationDb.collection('outgoing_emails').find(filter).toArray();

  it('(a) a command through the gateway changes state in access, whose event notification consumes', async () => {
    const form = accessApplicationForm();
    const correlationId = `backbone-a-${Date.now()}`;
    const response = await request(gateway.url)
      .post('/v1/access-applications')
      .set('x-correlation-id', correlationId)
      .field('application', JSON.stringify(form))
      .attach('proofOfAuthority', samplePdf(), {
        filename: 'warrant-card.pdf',
        contentType: 'application/pdf',
      })
      .expect(201);

    expect(response.headers['x-correlation-id']).toBe(correlationId);
    expect(response.body).toEqual({ id: expect.any(String), status: 'pending_email_verification' });

    const stored = await accessDb.collection('access_applications').findOne({ _id: response.body.id });
    expect(stored).toMatchObject({
      status: 'pending_email_verification',
      officer: { email: form.officer.email },
    });
    expect(stored?.proofOfAuthority).toHaveLength(1);
    expect(stored?.proofOfAuthority[0].sha256).toMatch(/^[a-f0-9]{64}$/);

    const mail = await mailCatcher.waitForMailTo(form.officer.email);
    expect(mail.subject).toContain('confirm your e-mail');
    const [email] = await sentEmails({ to: form.officer.email });
    expect(email).toMatchObject({ status: 'sent', correlationId, template: 'email-verification' });

    await waitFor('the outbox to be cleared after publishing', async () => {
      const after = await accessDb.collection('access_applications').findOne({ _id: response.body.id });
      return after?.outboxPending === false && after.outbox.length === 0;
    });
  });

  it('(b) an event written but not published before a crash is published after restart', async () => {
    await access.close();
    const form = accessApplicationForm();
    const id = `crash-${Date.now()}`;
    const event = submittedEvent(id, form);
    // The state the service leaves if it dies right after its single-document write.
    await accessDb.collection('access_applications').insertOne({
      _id: id as never,
      status: 'pending_email_verification',
      officer: form.officer,
      outbox: [event],
      outboxPending: true,
      revision: 1,
    });

    access = await bootAccess();

    await mailCatcher.waitForMailTo(form.officer.email);
    await waitFor('the recovered event to be cleared', async () => {
      const after = await accessDb.collection('access_applications').findOne({ _id: id as never });
      return after?.outboxPending === false && after.outbox.length === 0;
    });
    expect(await sentEmails({ to: form.officer.email })).toHaveLength(1);
  });

  it('(c) the same event delivered twice is applied once', async () => {
    const form = accessApplicationForm();
    const event = submittedEvent('dup-1', form);
    const { topic, ...envelope } = event;
    const message = { key: event.key, value: JSON.stringify(envelope) };
    await produceRaw(topic, [message, message]);
    await produceRaw(topic, [message]);

    await mailCatcher.waitForMailTo(form.officer.email);
    const ledgerId = `${notificationGroup()}:${event.id}`;
    await waitFor('the ledger to record the event as done', async () => {
      const entry = await notificationDb.collection('processed_events').findOne({ _id: ledgerId as never });
      return entry?.status === 'done';
    });
    await waitFor('both duplicates to be seen and skipped', async () => {
      const metrics = await request(opsUrlOf(notification.app)).get('/metrics');
      const match = metrics.text.match(
        /kafka_handler_duration_seconds_count\{[^}]*outcome="duplicate"[^}]*\} (\d+)/,
      );
      return match !== null && Number(match[1]) >= 2;
    });
    expect(await sentEmails({ to: form.officer.email })).toHaveLength(1);
    expect(await mailCatcher.to(form.officer.email)).toHaveLength(1);
  });

  it('(d) a malformed message lands on the dead-letter topic and the consumer keeps going', async () => {
    const dlq = deadLetterTopicOf(EVENT_TOPICS.accessEvents);
    const probe = await KafkaProbe.watch(dlq);
    try {
      const form = accessApplicationForm();
      const good = submittedEvent('after-poison', form);
      const { topic, ...goodEnvelope } = good;
      const badPayload = { ...goodEnvelope, id: crypto.randomUUID(), payload: { applicationId: 'x' } };
      await produceRaw(topic, [
        { key: 'poison', value: '{not json' },
        { key: 'bad-payload', value: JSON.stringify(badPayload) },
        { key: good.key, value: JSON.stringify(goodEnvelope) },
      ]);

      const notJson = await probe.waitForMessage(
        'the unparseable message on the DLQ',
        (m) => m.key === 'poison',
      );
      expect(notJson.value).toBe('{not json');
      expect(notJson.headers['x-dlq-reason']).toMatch(/invalid envelope/);
      expect(notJson.headers['x-dlq-source-topic']).toBe(EVENT_TOPICS.accessEvents);
      const invalid = await probe.waitForMessage(
        'the invalid payload on the DLQ',
        (m) => m.key === 'bad-payload',
      );
      expect(invalid.headers['x-dlq-reason']).toMatch(
        /invalid access.application.submitted payload: .*officer/,
      );

      await mailCatcher.waitForMailTo(form.officer.email);
    } finally {
      await probe.stop();
    }
  });

  function notificationGroup() {
    return (notification.config as unknown as { KAFKA_GROUP_ID: string }).KAFKA_GROUP_ID;
  }
});
