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
 * officer certifies the emergency and may send the document afterwards. A European Production
 * Order always travels as its EPOC certificate (Regulation (EU) 2023/1543, Article 9), emergency
 * or not: the certificate is the order.
 */
export function checkSubmittable(request: Submittable): void {
  checkEmergencyForm(request);
  if (request.processType === 'eu_production_order') {
    if (!request.documents.some((document) => document.kind === 'epoc_certificate')) {
      throw new DomainRuleViolation(
        'official_document_required',
        'Attach the EPOC certificate (kind epoc_certificate): a European Production Order is submitted with it.',
        'documents',
      );
    }
    return;
  }
  if (isEmergency(request)) return;
  if (!request.documents.some(isOfficialDocument)) {
    throw new DomainRuleViolation(
      'official_document_required',
      'Attach the official document (the order, warrant or request itself) before submitting.',
      'documents',
    );
  }
}

/** Member states bound by Regulation (EU) 2023/1543 (Denmark is not; Ireland opted in). */
export const EPOC_ISSUING_STATES: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];

export interface IssuingAuthority {
  readonly name: string;
  readonly country: string;
}

/** A European Production Order names the judicial authority that issued it, in a state bound by the Regulation. */
export function checkIssuingAuthority(request: {
  readonly processType: ProcessType;
  readonly issuingAuthority?: IssuingAuthority | null;
}): void {
  if (request.processType !== 'eu_production_order') return;
  const authority = request.issuingAuthority ?? null;
  if (authority === null) {
    throw new DomainRuleViolation(
      'issuing_authority_required',
      'A European Production Order names its issuing authority.',
      'issuingAuthority',
    );
  }
  if (!EPOC_ISSUING_STATES.includes(authority.country.toUpperCase())) {
    throw new DomainRuleViolation(
      'issuing_authority_not_bound',
      `${authority.country} is not a member state bound by Regulation (EU) 2023/1543.`,
      'issuingAuthority.country',
    );
  }
}
