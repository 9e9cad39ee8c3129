import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { Clock } from '@lers/clock';
import { LeasedJobs } from '@lers/jobs';
import { PROCESSED_EVENT_PRUNING_JOB } from '@lers/messaging';
import { openTestDatabase, type RunningService } from '@lers/testing';
import { bootNotification } from '../../../test/e2e/backbone-harness';
import { FAILED_EMAIL_PRUNING_JOB, SENT_EMAIL_PRUNING_JOB } from '../src/email/email-pruning';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * What the notification service keeps is bounded: sent e-mails 30 days, failed ones 90, applied
 * events in the consumer ledger 14 (every data service registers that one). Records are written
 * directly, the service's clock is moved, the jobs run, and what is left is read back.
 */
describe('pruning in the notification service', () => {
  let notification: RunningService<{ MONGO_DB: string }>;
  let db: Connection;
  let offsetMs = 0;
  const base = Date.now();

  beforeAll(async () => {
    notification = await bootNotification();
    db = await openTestDatabase(notification.config.MONGO_DB);
    jest.spyOn(notification.app.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + offsetMs));
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await notification?.close();
    await db?.dropDatabase();
    await db?.close();
  });

  /** Runs a job as the clock stands `daysLater` after the records were written (a fresh period each time). */
  async function runAt(daysLater: number, job: string) {
    offsetMs = daysLater * DAY + HOUR;
    expect(await notification.app.get(LeasedJobs).runNow(job)).toBe(true);
  }

  async function remaining(collection: string, ids: string[]) {
    const left = await db
      .collection(collection)
      .find({ _id: { $in: ids } as never })
      .toArray();
    return left.map((doc) => String(doc._id).split(':')[0]).sort();
  }

  it('deletes sent e-mails after 30 days and failed ones after 90, never those still to send', async () => {
    const email = (name: string, status: string, ageDays: number) => ({
      _id: `${name}:${randomUUID()}`,
      template: 'officer-activation',
      to: `${name}@lers.test`,
      subject: 's',
      text: 't',
      status,
      attempts: status === 'pending' ? 0 : 1,
      nextAttemptAt: new Date('2999-01-01T00:00:00Z'),
      leaseUntil: null,
      lastError: status === 'failed' ? '550 mailbox unavailable' : null,
      correlationId: 'c',
      createdAt: new Date(base - ageDays * DAY),
      sentAt: status === 'sent' ? new Date(base - ageDays * DAY) : null,
    });
    const emails = [
      email('sent-10-days-ago', 'sent', 10),
      email('sent-25-days-ago', 'sent', 25),
      email('failed-25-days-ago', 'failed', 25),
      email('failed-80-days-ago', 'failed', 80),
      email('pending-for-80-days', 'pending', 80),
    ];
    await db.collection('outgoing_emails').insertMany(emails as never[]);
    const left = () =>
      remaining(
        'outgoing_emails',
        emails.map((e) => e._id),
      );

    await runAt(4, SENT_EMAIL_PRUNING_JOB);
    await runAt(4, FAILED_EMAIL_PRUNING_JOB);
    expect(await left()).toHaveLength(5);

    await runAt(6, SENT_EMAIL_PRUNING_JOB); // the 25-day-old sent e-mail is now 31 days old
    await runAt(6, FAILED_EMAIL_PRUNING_JOB); // the 80-day-old failure is 86 days old: kept
    expect(await left()).toEqual([
      'failed-25-days-ago',
      'failed-80-days-ago',
      'pending-for-80-days',
      'sent-10-days-ago',
    ]);

    await runAt(11, FAILED_EMAIL_PRUNING_JOB);
    expect(await left()).toEqual(['failed-25-days-ago', 'pending-for-80-days', 'sent-10-days-ago']);
  });

  it('forgets applied events after 14 days, never an event still being processed', async () => {
    const run = 20; // days after `base`, later than the e-mail test's periods
    const entry = (name: string, status: string, daysBeforeRun: number) => ({
      _id: `${name}:${randomUUID()}`,
      consumer: 'lers-notification',
      eventId: randomUUID(),
      type: 'access.application.submitted',
      status,
      at: new Date(base + (run - daysBeforeRun) * DAY),
    });
    const entries = [
      entry('done-15-days-before', 'done', 15),
      entry('done-13-days-before', 'done', 13),
      entry('processing-30-days-before', 'processing', 30),
    ];
    await db.collection('processed_events').insertMany(entries as never[]);

    await runAt(run, PROCESSED_EVENT_PRUNING_JOB);
    expect(
      await remaining(
        'processed_events',
        entries.map((e) => e._id),
      ),
    ).toEqual(['done-13-days-before', 'processing-30-days-before']);
  });
});
