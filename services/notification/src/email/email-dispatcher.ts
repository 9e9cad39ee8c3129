import { createHash } from 'node:crypto';
import { Clock } from '@lers/clock';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { createTransport, type Transporter } from 'nodemailer';
import { PollingWorker } from '@lers/messaging';
import { runWithCorrelation } from '@lers/observability';
import { NotificationEnv } from '../notification.config';
import { OUTGOING_EMAIL_MODEL, type OutgoingEmail } from './outgoing-email.schema';
import { MAX_EMAIL_ATTEMPTS, nextAttemptAfterFailure } from './retry-schedule';
import { withoutTokens } from './redact-tokens';

const LEASE_MS = 60_000;
const BATCH = 20;

/**
 * The same for every try of one e-mail, so a copy sent again after a crash between the SMTP server's
 * acceptance and our record of it is recognisably the same message. Hashed: an e-mail's id may name
 * internal records (a user notice's request), which must not appear in what the recipient gets.
 */
export function messageIdOf(emailId: string): string {
  return `<${createHash('sha256').update(emailId).digest('hex').slice(0, 40)}@lers>`;
}

/** Told when an e-mail is sent or has failed for good (after its record says so). */
export type EmailSettledListener = (email: {
  id: string;
  template: string;
  status: 'sent' | 'failed';
}) => void;

/**
 * Sends queued e-mails over SMTP, retrying with backoff. A send is leased first (a conditional
 * single-document write), so two replicas never send the same e-mail. SMTP cannot make a send
 * exactly-once (RFC 1047): if the process dies after the server accepted a message and before
 * `sent` is recorded, the lease lapses and the e-mail is sent again — at least once, never lost —
 * with the same Message-ID, so the copy is recognisably the same message. A failed record without
 * a crash (the database away) is retried from memory and never causes a resend.
 */
@Injectable()
export class EmailDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmailDispatcher.name);
  private readonly transport: Transporter;
  private readonly worker: PollingWorker;
  private readonly listeners: EmailSettledListener[] = [];
  /** Accepted by the SMTP server, `sent` not yet recorded: retried first, never sent again. */
  private readonly sentNotRecorded = new Map<string, { email: OutgoingEmail; at: Date }>();

  constructor(
    private readonly clock: Clock,
    @InjectModel(OUTGOING_EMAIL_MODEL) private readonly emails: Model<OutgoingEmail>,
    @Inject(NotificationEnv) private readonly config: NotificationEnv,
  ) {
    this.transport = createTransport(config.SMTP_URL);
    this.worker = new PollingWorker(() => this.sendDue(), config.EMAIL_POLL_MS);
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.stop();
    this.transport.close();
  }

  nudge(): void {
    this.worker.nudge();
  }

  onSettled(listener: EmailSettledListener): void {
    this.listeners.push(listener);
  }

  private tell(email: OutgoingEmail, status: 'sent' | 'failed'): void {
    for (const listener of this.listeners) listener({ id: email._id, template: email.template, status });
  }

  private async sendDue(now = this.clock.now()): Promise<void> {
    try {
      await this.recordSentBacklog();
      // Two queries on `status` rather than one `$or`: FerretDB 1.24 pushes only top-level
      // equality down to PostgreSQL, so an `$or` would decode every e-mail kept, sent ones included.
      const [pending, stalled] = await Promise.all([
        this.emails
          .find({ status: 'pending', nextAttemptAt: { $lte: now } })
          .limit(BATCH)
          .lean(),
        this.emails
          .find({ status: 'sending', leaseUntil: { $lte: now } })
          .limit(BATCH)
          .lean(),
      ]);
      const due = [...stalled, ...pending]
        .filter((email) => !this.sentNotRecorded.has(email._id))
        .slice(0, BATCH);
      for (const email of due) await this.sendOne(email, now);
    } catch (error) {
      this.logger.warn({ err: error }, 'e-mail dispatch pass failed; will retry');
    }
  }

  private async sendOne(email: OutgoingEmail, now: Date): Promise<void> {
    const leased = await this.emails.findOneAndUpdate(
      { _id: email._id, status: email.status, attempts: email.attempts },
      { $set: { status: 'sending', leaseUntil: new Date(now.getTime() + LEASE_MS) }, $inc: { attempts: 1 } },
      { returnDocument: 'after' },
    );
    if (!leased) return;
    await runWithCorrelation(email.correlationId, async () => {
      try {
        await this.transport.sendMail({
          from: this.config.MAIL_FROM,
          to: email.to,
          subject: email.subject,
          text: email.text,
          messageId: messageIdOf(email._id),
          headers: { 'X-Correlation-Id': email.correlationId },
        });
      } catch (error) {
        await this.recordFailure(leased, error);
        return;
      }
      // Accepted by the SMTP server: from here on it must never be sent again from this process.
      this.sentNotRecorded.set(email._id, { email, at: this.clock.now() });
      await this.recordSent(email._id);
    });
  }

  /** Records sends whose record failed (the database was away) before anything else is sent. */
  private async recordSentBacklog(): Promise<void> {
    for (const id of [...this.sentNotRecorded.keys()]) await this.recordSent(id);
  }

  private async recordSent(id: string): Promise<void> {
    const sent = this.sentNotRecorded.get(id);
    if (!sent) return;
    try {
      await this.emails.updateOne(
        { _id: id },
        // The text is kept as a record of what was sent, without its one-time tokens.
        { $set: { status: 'sent', sentAt: sent.at, leaseUntil: null, text: withoutTokens(sent.email.text) } },
      );
    } catch (error) {
      this.logger.warn({ err: error, emailId: id }, 'e-mail sent but not recorded yet; will record it again');
      return;
    }
    this.sentNotRecorded.delete(id);
    this.logger.log({ emailId: id, template: sent.email.template }, 'e-mail sent');
    this.tell(sent.email, 'sent');
  }

  private async recordFailure(leased: OutgoingEmail, error: unknown): Promise<void> {
    const finalFailure = leased.attempts >= MAX_EMAIL_ATTEMPTS;
    await this.emails.updateOne(
      { _id: leased._id },
      {
        $set: {
          status: finalFailure ? 'failed' : 'pending',
          ...(finalFailure ? { text: withoutTokens(leased.text) } : {}),
          leaseUntil: null,
          lastError: (error as Error).message.slice(0, 500),
          nextAttemptAt: nextAttemptAfterFailure(leased.attempts, this.clock.now()),
        },
      },
    );
    if (finalFailure) this.tell(leased, 'failed');
    this.logger[finalFailure ? 'error' : 'warn'](
      { err: error, emailId: leased._id, attempts: leased.attempts },
      finalFailure ? 'e-mail failed for good' : 'e-mail failed; will retry',
    );
  }
}
