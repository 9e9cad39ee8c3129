import { DomainRuleViolation } from '@lers/domain';
import { disclose, type Actor, type InformationRequest } from './information-request';

export type NoticeOutcome = 'delivered' | 'suppressed' | 'waived';

/**
 * Nothing is released while a user who must be told has not been: one slot per subject of the
 * approved request, filled by the user-notice side (delivered, suppressed by an upheld
 * non-disclosure order, or waived by staff when no user matches).
 */
export interface ReleaseGate {
  readonly notices: readonly (NoticeOutcome | null)[];
}

export interface DisclosurePackage {
  readonly id: string;
  readonly uploadedBy: string;
  readonly uploadedAt: Date;
  /** When the officer was offered it; null while the gate holds it back. */
  readonly releasedAt: Date | null;
}

export interface Disclosable extends InformationRequest {
  readonly releaseGate?: ReleaseGate | null;
  readonly disclosures: readonly DisclosurePackage[];
}

export function closedGate(subjectCount: number): ReleaseGate {
  if (!Number.isInteger(subjectCount) || subjectCount < 1) {
    throw new DomainRuleViolation('invalid_subject_count', 'A request has at least one subject.', 'subjects');
  }
  return { notices: Array.from({ length: subjectCount }, () => null) };
}

export const isGateOpen = (gate: ReleaseGate | null | undefined): boolean =>
  !!gate && gate.notices.every((outcome) => outcome !== null);

/** Offers every held package at `at` and, on the first release, moves an approved request to `disclosed`. */
function releaseHeld<R extends Disclosable>(request: R, at: Date): R {
  if (!isGateOpen(request.releaseGate)) return request;
  const held = request.disclosures.filter((pkg) => pkg.releasedAt === null);
  if (held.length === 0) return request;
  const disclosures = request.disclosures.map((pkg) =>
    pkg.releasedAt === null ? { ...pkg, releasedAt: new Date(at) } : pkg,
  );
  const released = { ...request, disclosures };
  if (request.status !== 'approved') return released;
  const uploader: Actor = { kind: 'staff', id: held[0].uploadedBy };
  return { ...released, ...disclose(released, uploader, at) } as R;
}

/** Staff add a package of records to an approved request; it is offered at once if every notice is settled. */
export function addDisclosurePackage<R extends Disclosable>(
  request: R,
  pkg: { id: string; uploadedBy: string },
  at: Date,
): R {
  if (request.status !== 'approved' && request.status !== 'disclosed') {
    throw new DomainRuleViolation(
      'invalid_transition',
      `Records can be disclosed only for an approved request, not one that is ${request.status.replaceAll('_', ' ')}.`,
      'status',
    );
  }
  if (request.disclosures.some((existing) => existing.id === pkg.id)) return request;
  const added = {
    ...request,
    disclosures: [
      ...request.disclosures,
      { id: pkg.id, uploadedBy: pkg.uploadedBy, uploadedAt: new Date(at), releasedAt: null },
    ],
  };
  return releaseHeld(added, at);
}

/** The user-notice side settled one subject; the first outcome stands (events may be redelivered). */
export function settleNotice<R extends Disclosable>(
  request: R,
  subjectIndex: number,
  outcome: NoticeOutcome,
  at: Date,
): R {
  const gate = request.releaseGate;
  if (!gate) {
    throw new DomainRuleViolation(
      'not_approved',
      'The request has not been approved: no notice is due.',
      'status',
    );
  }
  if (!Number.isInteger(subjectIndex) || subjectIndex < 0 || subjectIndex >= gate.notices.length) {
    throw new DomainRuleViolation(
      'unknown_subject',
      `The request has no subject ${subjectIndex}.`,
      'subjectIndex',
    );
  }
  if (gate.notices[subjectIndex] !== null) return request;
  const notices = gate.notices.map((existing, index) => (index === subjectIndex ? outcome : existing));
  return releaseHeld({ ...request, releaseGate: { notices } }, at);
}
