import { Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import type { InformationRequestForm, RequestView } from '@lers/contracts';
import { applyRule } from '@lers/domain';
import { isDuplicateKey, type OfficerScope } from '@lers/persistence';
import { checkEmergencyForm, checkIssuingAuthority } from '../domain/submission-rules';
import { officerView } from '../request-mapping';
import { RequestEvents } from '../request-events';
import { InformationRequests } from '../storage/information-requests.repository';

/** An officer starts a request for information: a draft nobody else sees until it is submitted. */
@Injectable()
export class CreateRequestUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly requests: InformationRequests,
    private readonly events: RequestEvents,
  ) {}

  async execute(officer: OfficerScope, form: InformationRequestForm, id: string): Promise<RequestView> {
    applyRule(() => {
      checkEmergencyForm({ processType: form.processType, emergency: form.emergency ?? null });
      checkIssuingAuthority(form);
    });
    const now = this.clock.now();
    const draft = {
      _id: id,
      officerId: officer.officerId,
      agencyId: officer.agencyId,
      caseNumber: null,
      status: 'draft' as const,
      processType: form.processType,
      legalBasis: form.legalBasis,
      jurisdiction: { ...form.jurisdiction, country: form.jurisdiction.country.toUpperCase() },
      issuingAuthority: form.issuingAuthority
        ? { name: form.issuingAuthority.name, country: form.issuingAuthority.country.toUpperCase() }
        : null,
      caseReference: form.caseReference,
      offenseCategory: form.offenseCategory,
      summary: form.summary,
      // As the officer wrote them; consumers compare them in each chain's canonical form (@lers/subjects).
      subjects: form.subjects.map(({ type, value, chain }) => ({ type, value, ...(chain ? { chain } : {}) })),
      dataRequested: [...form.dataRequested],
      period: { from: form.period.from, to: form.period.to },
      nonDisclosure: { ...form.nonDisclosure },
      preservationId: form.preservationId ?? null,
      emergency: form.emergency ? { ...form.emergency } : null,
      supervisorConfirmation: 'not_requested' as const,
      confirmationTokenHash: null,
      confirmationExpiresAt: null,
      documents: [],
      messages: [],
      disclosures: [],
      downloads: [],
      releaseGate: null,
      createdAt: now,
      submittedAt: null,
      dueBy: null,
      assignedTo: null,
      nonDisclosureUpheld: null,
      rejectionReason: null,
      decidedAt: null,
      history: [],
    };
    try {
      await this.requests.insert(draft, this.events.moved(draft, null, 'draft', now), 'request.create');
      return officerView({ ...draft, outbox: [], outboxPending: false, revision: 1 });
    } catch (error) {
      // A retry (same Idempotency-Key) whose first attempt stored the draft and died before replying.
      if (!isDuplicateKey(error)) throw error;
      return officerView(await this.requests.ofOfficer(officer, id));
    }
  }
}
