import { opsUrlOf } from '@lers/http';
import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { Connection } from 'mongoose';
import { deadLetterTopicOf, EVENT_TOPICS } from '@lers/contracts';
import { listDeadLetters, newEvent, replayDeadLetters } from '@lers/messaging';
import {
  accessApplicationForm,
  KafkaProbe,
  mailCatcher,
  openTestDatabase,
  produceRaw,
  testInfra,
  waitFor,
  type RunningService,
} from '@lers/testing';
import { bootNotification } from './backbone-harness';

/**
 * `npm run dlq -- list|replay <topic>`: parked messages can be listed with their reasons and sent
 * back through the consumers' inbox, which still applies each event once.
 */
describe('dead-letter replay', () => {
  const source = EVENT_TOPICS.accessEvents;
  const deadLetters = deadLetterTopicOf(source);
  const kafka = new Kafka({
    clientId: 'lers-dlq-test',
    brokers: [testInfra.kafkaBrokers],
    logLevel: logLevel.NOTHING,
  });
  let notification: RunningService<{ MONGO_DB: string }>;
  let notificationDb: Connection;

  beforeAll(async () => {
    notification = await bootNotification();
    notificationDb = await openTestDatabase(notification.config.MONGO_DB);
  });

  afterAll(async () => {
    await notification?.close();
    await notificationDb?.dropDatabase();
    await notificationDb?.close();
  });

  /** A good event, parked as a consumer with a bug (since fixed) would have parked it. */
  function parkedCopyOf(officerEmail: string) {
    const form = accessApplicationForm();
    form.officer.email = officerEmail;
    const id = randomUUID();
    const { topic: _topic, ...envelope } = newEvent('access', 'access.application.submitted', id, {
      applicationId: id,
      agency: { name: form.agency.name, country: form.agency.country },
      officer: { fullName: form.officer.fullName, email: officerEmail },
      verificationToken: randomBytes(32).toString('base64url'),
      verificationExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    return {
      key: `dlq-test-${id}`,
      value: JSON.stringify(envelope),
      headers: {
        'x-event-type': envelope.type,
        'x-event-id': envelope.id,
        'x-dlq-reason': 'handler failed 3 times: template bug',
        'x-dlq-consumer': 'lers-notification',
        'x-dlq-source-topic': source,
        'x-dlq-source-partition': '0',
        'x-dlq-source-offset': '42',
        'x-dlq-failed-at': new Date().toISOString(),
      },
    };
  }

  it('lists parked messages with their reasons, replays them once, and the inbox applies each once', async () => {
    const email = `dlq-${randomUUID()}@police.example.gov`;
    const good = parkedCopyOf(email);
    const poisonKey = `dlq-poison-${randomUUID()}`;
    await produceRaw(deadLetters, [
      good,
      { key: poisonKey, value: '{still not json', headers: { 'x-dlq-reason': 'invalid envelope' } },
    ]);

    const listed = await listDeadLetters(kafka, deadLetters);
    const goodListed = listed.find((message) => message.key === good.key);
    expect(goodListed).toMatchObject({
      reason: 'handler failed 3 times: template bug',
      consumer: 'lers-notification',
      source: `${source}/0/42`,
      eventType: 'access.application.submitted',
    });
    expect(listed.find((message) => message.key === poisonKey)?.reason).toBe('invalid envelope');
    // Listing changes nothing: a second listing still has them.
    expect((await listDeadLetters(kafka, deadLetters)).map((m) => m.key)).toEqual(
      expect.arrayContaining([good.key, poisonKey]),
    );

    const probe = await KafkaProbe.watch(deadLetters);
    try {
      const replayed = await replayDeadLetters(kafka, deadLetters, source);
      expect(replayed.map((message) => message.key)).toEqual(expect.arrayContaining([good.key, poisonKey]));

      await mailCatcher.waitForMailTo(email);
      // The poison is still poison: parked again, with the consumer's own reason.
      const reparked = await probe.waitForMessage('the poison parked again', (m) => m.key === poisonKey);
      expect(reparked.headers['x-dlq-reason']).toMatch(/invalid envelope/);
      expect(reparked.headers['x-dlq-replayed-from']).toMatch(new RegExp(`^${deadLetters}/\\d+/\\d+$`));
    } finally {
      await probe.stop();
    }

    // A second replay sends only what was parked since (the poison again), not the good event.
    const second = await replayDeadLetters(kafka, deadLetters, source);
    expect(second.map((message) => message.key)).not.toContain(good.key);

    // Even replaying the same event again (parked twice) sends one e-mail: the inbox remembers it.
    await produceRaw(deadLetters, [good]);
    const third = await replayDeadLetters(kafka, deadLetters, source);
    expect(third.map((message) => message.key)).toContain(good.key);
    const eventId = good.headers['x-event-id'];
    await waitFor('the replayed duplicate to be seen by the inbox', async () => {
      const metrics = await fetch(`${opsUrlOf(notification.app)}/metrics`).then((response) =>
        response.text(),
      );
      const match = metrics.match(
        /kafka_handler_duration_seconds_count\{[^}]*outcome="duplicate"[^}]*\} (\d+)/,
      );
      return match !== null && Number(match[1]) >= 1;
    });
    const emails = await notificationDb.collection('outgoing_emails').find({ to: email }).toArray();
    expect(emails).toHaveLength(1);
    expect(emails[0]._id).toBe(`${eventId}:email-verification`);
    expect(await mailCatcher.to(email)).toHaveLength(1);
  });
});
