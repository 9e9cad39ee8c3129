import type { RequestSubject } from '@lers/subjects';
import type {
  DataCategory,
  DocumentKind,
  NonDisclosureOrder,
  OffenseCategory,
  ProcessType,
  RequestPeriod,
} from './request-form';

export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'info_requested',
  'approved',
  'rejected',
  'withdrawn',
  'disclosed',
  'closed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface RequestDocumentView {
  id: string;
  kind: DocumentKind;
  sha256: string;
  size: number;
  contentType: string;
  uploadedAt: string;
}

export interface HistoryEntryView {
  from: RequestStatus;
  to: RequestStatus;
  action: string;
  actor: { kind: 'officer' | 'staff'; id?: string };
  at: string;
}

/** A request as its officer sees it (`GET /v1/requests/{id}`). */
export interface RequestView {
  id: string;
  caseNumber: string | null;
  status: RequestStatus;
  processType: ProcessType;
  legalBasis: string;
  jurisdiction: { country: string; region?: string };
  issuingAuthority: { name: string; country: string } | null;
  caseReference: string;
  offenseCategory: OffenseCategory;
  summary: string;
  subjects: RequestSubject[];
  dataRequested: DataCategory[];
  period: RequestPeriod;
  nonDisclosure: NonDisclosureOrder;
  preservationId: string | null;
  emergency: {
    threat: string;
    certification: boolean;
    supervisorConfirmation: SupervisorConfirmation;
  } | null;
  documents: RequestDocumentView[];
  createdAt: string;
  submittedAt: string | null;
  dueBy: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  history: HistoryEntryView[];
}

/** Where the supervisor's confirmation of an emergency stands; staff cannot act while it is `pending`. */
export type SupervisorConfirmation = 'not_requested' | 'pending' | 'confirmed';

/** One row of `GET /v1/requests`. */
export interface RequestSummary {
  id: string;
  caseNumber: string | null;
  status: RequestStatus;
  processType: ProcessType;
  caseReference: string;
  createdAt: string;
  submittedAt: string | null;
  dueBy: string | null;
}

export interface MessageView {
  id: string;
  author: { kind: 'officer' | 'staff' };
  body: string;
  at: string;
}

export interface DisclosureView {
  id: string;
  fileName: string;
  sha256: string;
  size: number;
  contentType: string;
  releasedAt: string;
  /** A link valid for at most 15 minutes; ask for the list again for a fresh one. */
  download: { url: string; expiresAt: string };
}

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}
