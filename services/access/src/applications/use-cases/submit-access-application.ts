import { AuditTrail } from '@lers/audit';
import { Clock } from '@lers/clock';
import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { Problem, type SubmitAccessApplication, type SubmitAccessApplicationResult } from '@lers/contracts';
import { OutboxWriter } from '@lers/messaging';
import { isDuplicateKey } from '@lers/persistence';
import { classifyOfficerEmail } from '../../agencies/domain/government-email-policy';
import { GovernmentDomains } from '../../agencies/government-domains';
import { ACCESS_APPLICATION_MODEL, type AccessApplicationDocument } from '../access-application.schema';
import { newLinkToken, VERIFICATION_TOKEN_TTL_MS } from '../verification-token';

@Injectable()
export class SubmitAccessApplicationUseCase {
  private readonly logger = new Logger(SubmitAccessApplicationUseCase.name);

  constructor(
    private readonly clock: Clock,
    @InjectModel(ACCESS_APPLICATION_MODEL) private readonly applications: Model<AccessApplicationDocument>,
    private readonly outbox: OutboxWriter,
    private readonly governmentDomains: GovernmentDomains,
    private readonly audit: AuditTrail,
  ) {}

  async execute(
    form: SubmitAccessApplication,
    id: string = randomUUID(),
    now = this.clock.now(),
  ): Promise<SubmitAccessApplicationResult> {
    if (form.declaration !== true) {
      throw new Problem(
        422,
        'declaration_required',
        'You must declare that you act in an official capacity.',
        [{ field: 'declaration', message: 'must be true' }],
      );
    }
    if (form.proofOfAuthority.length === 0) {
      throw new Problem(
        422,
        'proof_of_authority_required',
        'Attach at least one proof of authority (PDF, PNG or JPEG).',
      );
    }
    const email = classifyOfficerEmail(form.officer.email, {
      verifiedAgencyDomains: await this.governmentDomains.all(),
    });
    if (email.verdict !== 'government') {
      throw new Problem(422, 'non_government_email', 'The officer e-mail must be on a government domain.', [
        { field: 'officer.email', message: 'is not a government e-mail domain' },
      ]);
    }

    const { token, tokenHash } = newLinkToken();
    const expiresAt = new Date(now.getTime() + VERIFICATION_TOKEN_TTL_MS);
    const event = this.outbox.event('access.application.submitted', id, {
      applicationId: id,
      agency: { name: form.agency.name, country: form.agency.country },
      officer: { fullName: form.officer.fullName, email: form.officer.email },
      verificationToken: token,
      verificationExpiresAt: expiresAt.toISOString(),
    });
    const submitted = this.audit.intent(
      'access_application.submit',
      { type: 'access_application', id },
      {
        details: {
          to: 'pending_email_verification',
          country: form.agency.country,
          agencyKind: form.agency.kind,
        },
      },
    );
    const inserted = await this.outbox
      .insert(
        this.applications,
        {
          _id: id,
          status: 'pending_email_verification',
          agency: form.agency,
          officer: { ...form.officer, email: form.officer.email.toLowerCase() },
          supervisor: form.supervisor,
          proofOfAuthority: form.proofOfAuthority.map((document) => ({ id: randomUUID(), ...document })),
          emailVerification: { tokenHash, expiresAt },
          submittedAt: now,
          emailVerifiedAt: null,
          reviewDueBy: null,
          decidedAt: null,
          decidedBy: null,
          rejectionReason: null,
          approvalStartedAt: null,
          ...this.audit.queue(null, submitted),
        },
        [event],
      )
      .then((created) => {
        this.audit.written(this.applications as never, created.toObject());
        return created;
      })
      .catch((error: unknown) => {
        // A retry of a submission whose first attempt stored it and died before replying.
        if (isDuplicateKey(error)) return null;
        throw error;
      });
    if (!inserted) this.logger.log({ applicationId: id }, 'submission already stored; not stored again');
    return { id, status: 'pending_email_verification' };
  }
}
