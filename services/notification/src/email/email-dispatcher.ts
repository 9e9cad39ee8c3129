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

const LEASE_MS = 60_000;
const BATCH = 20;

/**
 * Sends queued e-mails over SMTP, retrying with backoff. A send is leased first (a conditional
 * single-document write), so two replicas never send the same e-mail; the Message-ID is fixed
 * per e-mail so a resend after a crash mid-send can be recognised downstream.
 */
@Injectable()
export class EmailDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmailDispatcher.name);
  private readonly transport: Transporter;
  private readonly worker: PollingWorker;

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

  private async sendDue(now = this.clock.now()): Promise<void> {
    try {
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
      const due = [...stalled, ...pending].slice(0, BATCH);
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
          messageId: `<${email._id.replace(/[^\w.-]/g, '.')}@lers>`,
          headers: { 'X-Correlation-Id': email.correlationId },
        });
        await this.emails.updateOne(
          { _id: email._id },
          { $set: { status: 'sent', sentAt: this.clock.now(), leaseUntil: null } },
        );
        this.logger.log({ emailId: email._id, template: email.template }, 'e-mail sent');
      } catch (error) {
        const finalFailure = leased.attempts >= MAX_EMAIL_ATTEMPTS;
        await this.emails.updateOne(
          { _id: email._id },
          {
            $set: {
              status: finalFailure ? 'failed' : 'pending',
              leaseUntil: null,
              lastError: (error as Error).message.slice(0, 500),
              nextAttemptAt: nextAttemptAfterFailure(leased.attempts, this.clock.now()),
            },
          },
        );
        this.logger[finalFailure ? 'error' : 'warn'](
          { err: error, emailId: email._id, attempts: leased.attempts },
          finalFailure ? 'e-mail failed for good' : 'e-mail failed; will retry',
        );
      }
    });
  }
}
