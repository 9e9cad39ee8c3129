import { auditFields, type WithAuditQueue } from '@lers/audit';
import { Schema } from 'mongoose';
import type {
  DataCategory,
  DocumentKind,
  OffenseCategory,
  ProcessType,
  RequestStatus,
} from '@lers/contracts';
import { outboxFields, type WithOutbox } from '@lers/messaging';
import type { SupervisorConfirmation } from '../domain/emergency-confirmation';
import type { NoticeOutcome } from '../domain/disclosure-release';
import type { RequestVerb } from '../domain/request-lifecycle';

export const INFORMATION_REQUEST_MODEL = 'InformationRequest';

export interface StoredSubject {
  type: string;
  value: string;
  chain?: string;
}

export interface StoredRequestDocument {
  id: string;
  kind: DocumentKind;
  objectKey: string;
  versionId: string | null;
  sha256: string;
  size: number;
  contentType: string;
  uploadedAt: Date;
}

export interface StoredMessage {
  id: string;
  author: { kind: 'officer' | 'staff'; id: string };
  body: string;
  at: Date;
}

export interface StoredDisclosure {
  id: string;
  fileName: string;
  objectKey: string;
  versionId: string | null;
  sha256: string;
  size: number;
  contentType: string;
  uploadedBy: string;
  uploadedAt: Date;
  releasedAt: Date | null;
}

export interface StoredDownload {
  disclosureId: string;
  officerId: string;
  at: Date;
  ip: string | null;
}

export interface StoredHistoryEntry {
  from: RequestStatus;
  to: RequestStatus;
  verb: RequestVerb;
  actor: { kind: 'officer' | 'staff'; id: string };
  at: Date;
}

/**
 * One request for information with everything that belongs to it (documents, thread, packages,
 * downloads), so every change and its events are one single-document write.
 */
export interface InformationRequestDocument extends WithOutbox, Partial<WithAuditQueue> {
  _id: string;
  /** The officer's scope: every officer-side query filters on both. */
  officerId: string;
  agencyId: string;
  caseNumber: string | null;
  status: RequestStatus;
  processType: ProcessType;
  legalBasis: string;
  jurisdiction: { country: string; region?: string };
  issuingAuthority: { name: string; country: string } | null;
  caseReference: string;
  offenseCategory: OffenseCategory;
  summary: string;
  subjects: StoredSubject[];
  dataRequested: DataCategory[];
  period: { from: string; to: string };
  nonDisclosure: { ordered: boolean; until?: string; orderReference?: string };
  preservationId: string | null;
  emergency: { threat: string; certification: boolean } | null;
  supervisorConfirmation: SupervisorConfirmation;
  /** SHA-256 of the token e-mailed to the supervisor; the token itself is never stored. */
  confirmationTokenHash: string | null;
  confirmationExpiresAt: Date | null;
  documents: StoredRequestDocument[];
  messages: StoredMessage[];
  disclosures: StoredDisclosure[];
  downloads: StoredDownload[];
  releaseGate: { notices: (NoticeOutcome | null)[] } | null;
  createdAt: Date;
  submittedAt: Date | null;
  dueBy: Date | null;
  assignedTo: string | null;
  nonDisclosureUpheld: boolean | null;
  rejectionReason: string | null;
  decidedAt: Date | null;
  history: StoredHistoryEntry[];
}

const mixed = { type: Schema.Types.Mixed };

export const InformationRequestSchema = new Schema<InformationRequestDocument>(
  {
    _id: { type: String, required: true },
    officerId: { type: String, required: true, index: true },
    agencyId: { type: String, required: true },
    caseNumber: { type: String, default: null },
    status: { type: String, required: true, index: true },
    processType: { type: String, required: true },
    legalBasis: { type: String, required: true },
    jurisdiction: mixed,
    issuingAuthority: { ...mixed, default: null },
    caseReference: { type: String, required: true },
    offenseCategory: { type: String, required: true },
    summary: { type: String, required: true },
    subjects: { type: [mixed], default: [] },
    dataRequested: { type: [String], default: [] },
    period: mixed,
    nonDisclosure: mixed,
    preservationId: { type: String, default: null },
    emergency: { ...mixed, default: null },
    supervisorConfirmation: { type: String, default: 'not_requested' },
    confirmationTokenHash: { type: String, default: null, index: true },
    confirmationExpiresAt: { type: Date, default: null },
    documents: { type: [mixed], default: [] },
    messages: { type: [mixed], default: [] },
    disclosures: { type: [mixed], default: [] },
    downloads: { type: [mixed], default: [] },
    releaseGate: { ...mixed, default: null },
    createdAt: { type: Date, required: true },
    submittedAt: { type: Date, default: null },
    dueBy: { type: Date, default: null, index: true },
    assignedTo: { type: String, default: null },
    nonDisclosureUpheld: { type: Boolean, default: null },
    rejectionReason: { type: String, default: null },
    decidedAt: { type: Date, default: null },
    history: { type: [mixed], default: [] },
    ...outboxFields,
    ...auditFields,
  },
  { collection: 'information_requests', versionKey: false, minimize: false },
);

/** Case numbers: one counter document per year, advanced with an atomic $inc. */
export const CASE_SEQUENCE_MODEL = 'CaseSequence';

export interface CaseSequenceDocument {
  _id: string;
  last: number;
}

export const CaseSequenceSchema = new Schema<CaseSequenceDocument>(
  { _id: { type: String, required: true }, last: { type: Number, required: true } },
  { collection: 'case_sequences', versionKey: false },
);
