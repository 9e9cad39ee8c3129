import type { RequestSubject } from '@lers/subjects';
import type { PreservationInstrument } from './preservation-form';

/** `active` lasts past `preservedUntil` while a request citing the order is open (`expiryDeferred`). */
export const PRESERVATION_STATUSES = ['active', 'expired', 'released'] as const;
export type PreservationStatus = (typeof PRESERVATION_STATUSES)[number];

export interface ExtensionView {
  justification: string;
  at: string;
  /** The end of preservation this extension set. */
  preservedUntil: string;
}

export interface PreservationDocumentView {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
  uploadedAt: string;
  /** Under S3 legal hold while the order is active: the stored version cannot be deleted. */
  legalHold: boolean;
}

/** An order as its officer sees it (`GET /v1/preservations/{id}`). */
export interface PreservationView {
  id: string;
  status: PreservationStatus;
  instrument: PreservationInstrument;
  legalBasis: string;
  jurisdiction: { country: string; region?: string };
  caseReference: string;
  summary: string;
  subjects: RequestSubject[];
  receivedAt: string;
  preservedUntil: string;
  extensions: ExtensionView[];
  /** How many more extensions the instrument and the configured maximum allow. */
  extensionsLeft: number;
  /** Open requests for information citing the order: they keep it past `preservedUntil`. */
  citedBy: string[];
  expiryDeferred: boolean;
  documents: PreservationDocumentView[];
  endedAt: string | null;
  releaseReason: string | null;
}

/** One row of `GET /v1/preservations`. */
export interface PreservationSummary {
  id: string;
  status: PreservationStatus;
  instrument: PreservationInstrument;
  caseReference: string;
  receivedAt: string;
  preservedUntil: string;
}

/** One active hold on a subject (`GET /internal/holds`). */
export interface HoldView {
  preservationId: string;
  agencyId: string;
  subject: RequestSubject;
  preservedUntil: string;
  placedAt: string;
}
