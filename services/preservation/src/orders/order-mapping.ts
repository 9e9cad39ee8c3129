import type {
  HoldView,
  PreservationDocumentView,
  PreservationSummary,
  PreservationView,
} from '@lers/contracts';
import type { RequestSubject } from '@lers/subjects';
import { extensionsLeft, isExpiryDeferred, type PreservationOrder } from './domain/preservation-order';
import type {
  PreservationOrderDocument,
  StoredPreservationDocument,
} from './storage/preservation-order.schema';

type Stored = PreservationOrderDocument;

export const toDomain = (stored: Stored): PreservationOrder => ({
  status: stored.status,
  instrument: stored.instrument,
  receivedAt: stored.receivedAt,
  preservedUntil: stored.preservedUntil,
  extensions: stored.extensions,
  citedBy: stored.citedBy,
  remindersSent: stored.remindersSent,
  endedAt: stored.endedAt,
  releaseReason: stored.releaseReason,
});

/** The stored fields a domain move changed. */
export const changesFrom = (next: PreservationOrder): Partial<Stored> => ({
  status: next.status,
  preservedUntil: next.preservedUntil,
  extensions: next.extensions.map((extension) => ({ ...extension })),
  citedBy: [...next.citedBy],
  remindersSent: [...next.remindersSent],
  endedAt: next.endedAt,
  releaseReason: next.releaseReason,
});

export const documentView = (document: StoredPreservationDocument): PreservationDocumentView => ({
  id: document.id,
  sha256: document.sha256,
  size: document.size,
  contentType: document.contentType,
  uploadedAt: document.uploadedAt.toISOString(),
  legalHold: document.legalHold,
});

export function officerView(stored: Stored, now: Date, maxExtensions: number): PreservationView {
  const order = toDomain(stored);
  return {
    id: stored._id,
    status: stored.status,
    instrument: stored.instrument,
    legalBasis: stored.legalBasis,
    jurisdiction: stored.jurisdiction,
    caseReference: stored.caseReference,
    summary: stored.summary,
    subjects: stored.subjects as RequestSubject[],
    receivedAt: stored.receivedAt.toISOString(),
    preservedUntil: stored.preservedUntil.toISOString(),
    extensions: stored.extensions.map((extension) => ({
      justification: extension.justification,
      at: extension.at.toISOString(),
      preservedUntil: extension.preservedUntil.toISOString(),
    })),
    extensionsLeft: extensionsLeft(order, maxExtensions),
    citedBy: [...stored.citedBy],
    expiryDeferred: isExpiryDeferred(order, now),
    documents: stored.documents.map(documentView),
    endedAt: stored.endedAt?.toISOString() ?? null,
    releaseReason: stored.releaseReason,
  };
}

export const summaryView = (stored: Stored): PreservationSummary => ({
  id: stored._id,
  status: stored.status,
  instrument: stored.instrument,
  caseReference: stored.caseReference,
  receivedAt: stored.receivedAt.toISOString(),
  preservedUntil: stored.preservedUntil.toISOString(),
});

/** Staff see who placed the order and who released it. */
export const staffView = (stored: Stored, now: Date, maxExtensions: number) => ({
  ...officerView(stored, now, maxExtensions),
  officerId: stored.officerId,
  agencyId: stored.agencyId,
  releasedBy: stored.releasedBy,
});

export const holdViews = (stored: Stored, holdKey: string): HoldView[] =>
  stored.holds
    .filter((_, index) => stored.holdKeys[index] === holdKey)
    .map((subject) => ({
      preservationId: stored._id,
      agencyId: stored.agencyId,
      subject: subject as RequestSubject,
      preservedUntil: stored.preservedUntil.toISOString(),
      placedAt: stored.receivedAt.toISOString(),
    }));
