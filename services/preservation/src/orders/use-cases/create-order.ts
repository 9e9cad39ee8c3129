import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import { Problem, type PreservationOrderForm, type PreservationView } from '@lers/contracts';
import { isDuplicateKey, type OfficerScope } from '@lers/persistence';
import { type CanonicalSubject, validateSubject } from '@lers/subjects';
import { placeOrder } from '../domain/preservation-order';
import { OrderEvents } from '../order-events';
import { changesFrom, officerView } from '../order-mapping';
import { holdKeyOf } from '../storage/preservation-order.schema';
import { PreservationOrders } from '../storage/preservation-orders.repository';
import { PreservationEnv } from '../../preservation.config';

/** An officer orders records preserved: a hold on each subject from the moment it is received. */
@Injectable()
export class CreateOrderUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly orders: PreservationOrders,
    private readonly events: OrderEvents,
    @Inject(PreservationEnv) private readonly config: PreservationEnv,
  ) {}

  async execute(officer: OfficerScope, form: PreservationOrderForm, id: string): Promise<PreservationView> {
    const now = this.clock.now();
    const holds = canonicalSubjects(form);
    const order = placeOrder(form.instrument ?? 'standard', now);
    const record = {
      _id: id,
      officerId: officer.officerId,
      agencyId: officer.agencyId,
      instrument: order.instrument,
      legalBasis: form.legalBasis,
      jurisdiction: { ...form.jurisdiction, country: form.jurisdiction.country.toUpperCase() },
      caseReference: form.caseReference,
      summary: form.summary,
      subjects: form.subjects.map(({ type, value, chain }) => ({ type, value, ...(chain ? { chain } : {}) })),
      holds,
      holdKeys: holds.map(holdKeyOf),
      receivedAt: order.receivedAt,
      documents: [],
      evidenceHeld: false,
      releasedBy: null,
      ...changesFrom(order),
    } as Parameters<PreservationOrders['insert']>[0];
    try {
      await this.orders.insert(
        record,
        this.events.holds('preservation.hold.placed', record, order.preservedUntil, now),
      );
      return officerView(
        { ...record, outbox: [], outboxPending: false, revision: 1 },
        now,
        this.config.PRESERVATION_MAX_EXTENSIONS,
      );
    } catch (error) {
      // A retry (same Idempotency-Key) whose first attempt stored the order and died before replying.
      if (!isDuplicateKey(error)) throw error;
      return officerView(
        await this.orders.ofOfficer(officer, id),
        now,
        this.config.PRESERVATION_MAX_EXTENSIONS,
      );
    }
  }
}

/** The same subject written twice (e.g. checksummed and lower-case) is held once. */
function canonicalSubjects(form: PreservationOrderForm): CanonicalSubject[] {
  const held = new Map<string, CanonicalSubject>();
  form.subjects.forEach((subject, index) => {
    const check = validateSubject(subject);
    if (!check.ok) {
      // The DTO already ran these rules; this only guards a caller that skipped validation.
      throw Problem.validation(
        check.errors.map((error) => ({ field: `subjects.${index}.${error.field}`, message: error.message })),
      );
    }
    held.set(holdKeyOf(check.canonical), check.canonical);
  });
  return [...held.values()];
}
