// The lists themselves are the API contract's (libs/contracts); the rules need only their types.
import type { DocumentKind, ProcessType } from '@lers/contracts';
import { DomainRuleViolation } from '@lers/domain';

export type { DocumentKind, ProcessType };

export interface RequestDocument {
  readonly id: string;
  readonly kind: DocumentKind;
}

/** The officer certifies that a danger to life or limb cannot wait for the paperwork. */
export interface EmergencyDeclaration {
  readonly certification: boolean;
}

export interface Submittable {
  readonly processType: ProcessType;
  readonly emergency?: EmergencyDeclaration | null;
  readonly documents: readonly RequestDocument[];
}

/** Only these instruments have an emergency form; any other request must be made the ordinary way. */
const EMERGENCY_CAPABLE: readonly ProcessType[] = ['emergency', 'eu_production_order'];

export const isOfficialDocument = (document: RequestDocument) => document.kind !== 'supporting';

/** Whether the request runs on the emergency clock (an emergency request, or an emergency EU production order). */
export function isEmergency(request: Pick<Submittable, 'processType' | 'emergency'>): boolean {
  return request.processType === 'emergency' || (request.emergency ?? null) !== null;
}

/** The emergency form is consistent: only emergency-capable instruments have one, and it is certified. */
export function checkEmergencyForm(request: Pick<Submittable, 'processType' | 'emergency'>): void {
  const declared = request.emergency ?? null;
  if (declared !== null && !EMERGENCY_CAPABLE.includes(request.processType)) {
    throw new DomainRuleViolation(
      'emergency_not_applicable',
      `A ${request.processType.replaceAll('_', ' ')} has no emergency form; submit it as an emergency request.`,
      'emergency',
    );
  }
  if (isEmergency(request) && declared?.certification !== true) {
    throw new DomainRuleViolation(
      'emergency_certification_required',
      'An emergency request needs the officer to certify the emergency.',
      'emergency.certification',
    );
  }
}

/**
 * A request goes to the exchange with its official document, except in an emergency, where the
 * officer certifies the emergency and may send the document afterwards.
 */
export function checkSubmittable(request: Submittable): void {
  checkEmergencyForm(request);
  if (isEmergency(request)) return;
  if (!request.documents.some(isOfficialDocument)) {
    throw new DomainRuleViolation(
      'official_document_required',
      'Attach the official document (the order, warrant or request itself) before submitting.',
      'documents',
    );
  }
}
