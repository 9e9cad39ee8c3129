import { auditFields, type WithAuditQueue } from '@lers/audit';
import { Schema } from 'mongoose';
import type { PreservationInstrument, PreservationStatus } from '@lers/contracts';
import { outboxFields, type WithOutbox } from '@lers/messaging';
import type { CanonicalSubject } from '@lers/subjects';

export const PRESERVATION_ORDER_MODEL = 'PreservationOrder';

export interface StoredSubject {
  type: string;
  value: string;
  chain?: string;
}

export interface StoredExtension {
  justification: string;
  at: Date;
  preservedUntil: Date;
}

/** A document the officer attached (the preservation letter): under S3 legal hold while the order is active. */
export interface StoredPreservationDocument {
  id: string;
  objectKey: string;
  sha256: string;
  size: number;
  contentType: string;
  uploadedAt: Date;
  legalHold: boolean;
}

/**
 * One preservation order with its holds, extensions, citing requests and documents, so every change
 * and the hold events it causes are one single-document write.
 */
export interface PreservationOrderDocument extends WithOutbox, Partial<WithAuditQueue> {
  _id: string;
  /** The officer's scope: every officer-side query filters on both. */
  officerId: string;
  agencyId: string;
  status: PreservationStatus;
  instrument: PreservationInstrument;
  legalBasis: string;
  jurisdiction: { country: string; region?: string };
  caseReference: string;
  summary: string;
  /** As the officer wrote them. */
  subjects: StoredSubject[];
  /** The subjects in canonical form: what the holds query and the hold events carry. */
  holds: CanonicalSubject[];
  /** `holdKeyOf` each hold, indexed for `GET /internal/holds`. */
  holdKeys: string[];
  receivedAt: Date;
  preservedUntil: Date;
  extensions: StoredExtension[];
  citedBy: string[];
  remindersSent: string[];
  documents: StoredPreservationDocument[];
  /** Some document is still under legal hold: true on an ended order means a lift is still to do. */
  evidenceHeld: boolean;
  endedAt: Date | null;
  releaseReason: string | null;
  releasedBy: string | null;
}

const mixed = { type: Schema.Types.Mixed };

export const PreservationOrderSchema = new Schema<PreservationOrderDocument>(
  {
    _id: { type: String, required: true },
    officerId: { type: String, required: true, index: true },
    agencyId: { type: String, required: true },
    status: { type: String, required: true, index: true },
    instrument: { type: String, required: true },
    legalBasis: { type: String, required: true },
    jurisdiction: mixed,
    caseReference: { type: String, required: true },
    summary: { type: String, required: true },
    subjects: { type: [mixed], default: [] },
    holds: { type: [mixed], default: [] },
    holdKeys: { type: [String], default: [], index: true },
    receivedAt: { type: Date, required: true },
    preservedUntil: { type: Date, required: true, index: true },
    extensions: { type: [mixed], default: [] },
    citedBy: { type: [String], default: [] },
    remindersSent: { type: [String], default: [] },
    documents: { type: [mixed], default: [] },
    evidenceHeld: { type: Boolean, default: false, index: true },
    endedAt: { type: Date, default: null },
    releaseReason: { type: String, default: null },
    releasedBy: { type: String, default: null },
    ...outboxFields,
    ...auditFields,
  },
  { collection: 'preservation_orders', versionKey: false, minimize: false },
);

/** How a canonical subject is matched: one string per subject, chain-qualified where it has one. */
export function holdKeyOf(subject: CanonicalSubject): string {
  return 'chain' in subject
    ? `${subject.type}:${subject.chain}:${subject.value}`
    : `${subject.type}::${subject.value}`;
}
