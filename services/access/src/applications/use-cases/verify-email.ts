import { AuditTrail } from '@lers/audit';
import { Clock } from '@lers/clock';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem, type EmailVerifiedResult } from '@lers/contracts';
import { OutboxWriter } from '@lers/messaging';
import { calendarFor, type HolidayCalendars } from '@lers/calendar';
import { applyRule } from '@lers/domain';
import { ACCESS_APPLICATION_MODEL, type AccessApplicationDocument } from '../access-application.schema';
import { verifyEmail } from '../domain/access-application';
import { hashLinkToken } from '../verification-token';
import { REVIEW_CALENDARS } from '../review-calendar';

const INVALID = () => new Problem(400, 'invalid_token', 'The verification link is not valid or has expired.');

@Injectable()
export class VerifyEmailUseCase {
  constructor(
    private readonly clock: Clock,
    @InjectModel(ACCESS_APPLICATION_MODEL) private readonly applications: Model<AccessApplicationDocument>,
    private readonly outbox: OutboxWriter,
    @Inject(REVIEW_CALENDARS) private readonly calendars: { all: HolidayCalendars; reviewCountry: string },
    private readonly audit: AuditTrail,
  ) {}

  async execute(token: string, now = this.clock.now()): Promise<EmailVerifiedResult> {
    const application = await this.applications
      .findOne({ 'emailVerification.tokenHash': hashLinkToken(token) })
      .lean<AccessApplicationDocument>();
    if (!application?.emailVerification || application.emailVerification.expiresAt <= now) throw INVALID();
    const calendar = calendarFor(
      this.calendars.reviewCountry,
      this.calendars.all,
      this.calendars.reviewCountry,
    );
    const change = applyRule(() => verifyEmail(application, now, calendar));
    const updated = await this.outbox.update(
      this.applications,
      { _id: application._id },
      application.revision,
      {
        ...change,
        emailVerification: null,
        ...this.audit.queue(
          application,
          this.audit.intent(
            'access_application.verify_email',
            { type: 'access_application', id: application._id },
            { details: { from: application.status, to: change.status } },
          ),
        ),
      },
      [],
    );
    if (!updated) throw INVALID();
    this.audit.written(this.applications as never, updated);
    return { id: application._id, status: 'pending_review', reviewDueBy: change.reviewDueBy.toISOString() };
  }
}
