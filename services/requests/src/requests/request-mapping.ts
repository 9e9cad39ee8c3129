import type {
  DataCategory,
  MessageView,
  RequestDocumentView,
  RequestSummary,
  RequestView,
} from '@lers/contracts';
import type { RequestSubject } from '@lers/subjects';
import type { Disclosable } from './domain/disclosure-release';
import type { InformationRequestDocument, StoredDisclosure } from './storage/information-request.schema';

type Stored = InformationRequestDocument;

/** The request as its rules see it. */
export function toDomain(stored: Stored): Disclosable {
  return {
    status: stored.status,
    processType: stored.processType,
    emergency: stored.emergency ? { certification: stored.emergency.certification } : null,
    documents: stored.documents.map(({ id, kind }) => ({ id, kind })),
    submittedAt: stored.submittedAt ?? undefined,
    dueBy: stored.dueBy ?? undefined,
    assignedTo: stored.assignedTo ?? undefined,
    nonDisclosureUpheld: stored.nonDisclosureUpheld ?? undefined,
    rejectionReason: stored.rejectionReason ?? undefined,
    supervisorConfirmation: stored.supervisorConfirmation,
    history: stored.history,
    releaseGate: stored.releaseGate,
    disclosures: stored.disclosures.map(({ id, uploadedBy, uploadedAt, releasedAt }) => ({
      id,
      uploadedBy,
      uploadedAt,
      releasedAt,
    })),
  };
}

/** The fields a move may have changed, to `$set` on the stored request. */
export function changesFrom(next: Disclosable, stored: Stored): Partial<Stored> {
  const releasedAt = new Map(next.disclosures.map((pkg) => [pkg.id, pkg.releasedAt]));
  return {
    status: next.status,
    submittedAt: next.submittedAt ?? null,
    dueBy: next.dueBy ?? null,
    assignedTo: next.assignedTo ?? null,
    nonDisclosureUpheld: next.nonDisclosureUpheld ?? null,
    rejectionReason: next.rejectionReason ?? null,
    supervisorConfirmation: next.supervisorConfirmation ?? 'not_requested',
    history: next.history.map((entry) => ({ ...entry, actor: { ...entry.actor } })),
    releaseGate: next.releaseGate ? { notices: [...next.releaseGate.notices] } : null,
    disclosures: stored.disclosures.map((pkg): StoredDisclosure => ({
      ...pkg,
      releasedAt: releasedAt.get(pkg.id) ?? pkg.releasedAt,
    })),
  };
}

const iso = (date: Date | null | undefined) => (date ? new Date(date).toISOString() : null);

export function documentView(document: Stored['documents'][number]): RequestDocumentView {
  return {
    id: document.id,
    kind: document.kind,
    sha256: document.sha256,
    size: document.size,
    contentType: document.contentType,
    uploadedAt: new Date(document.uploadedAt).toISOString(),
  };
}

export function messageView(message: Stored['messages'][number]): MessageView {
  return {
    id: message.id,
    author: { kind: message.author.kind },
    body: message.body,
    at: new Date(message.at).toISOString(),
  };
}

/** What the requesting officer sees: staff are named by role, not by person. */
export function officerView(stored: Stored): RequestView {
  return {
    id: stored._id,
    caseNumber: stored.caseNumber,
    status: stored.status,
    processType: stored.processType,
    legalBasis: stored.legalBasis,
    jurisdiction: stored.jurisdiction,
    issuingAuthority: stored.issuingAuthority ?? null,
    caseReference: stored.caseReference,
    offenseCategory: stored.offenseCategory,
    summary: stored.summary,
    subjects: stored.subjects as RequestSubject[],
    dataRequested: stored.dataRequested as DataCategory[],
    period: stored.period,
    nonDisclosure: stored.nonDisclosure,
    preservationId: stored.preservationId,
    emergency: stored.emergency
      ? { ...stored.emergency, supervisorConfirmation: stored.supervisorConfirmation }
      : null,
    documents: stored.documents.map(documentView),
    createdAt: new Date(stored.createdAt).toISOString(),
    submittedAt: iso(stored.submittedAt),
    dueBy: iso(stored.dueBy),
    decidedAt: iso(stored.decidedAt),
    rejectionReason: stored.rejectionReason,
    history: stored.history.map((entry) => ({
      from: entry.from,
      to: entry.to,
      action: entry.verb,
      actor: entry.actor.kind === 'officer' ? { kind: 'officer', id: entry.actor.id } : { kind: 'staff' },
      at: new Date(entry.at).toISOString(),
    })),
  };
}

export function summaryView(stored: Stored): RequestSummary {
  return {
    id: stored._id,
    caseNumber: stored.caseNumber,
    status: stored.status,
    processType: stored.processType,
    caseReference: stored.caseReference,
    createdAt: new Date(stored.createdAt).toISOString(),
    submittedAt: iso(stored.submittedAt),
    dueBy: iso(stored.dueBy),
  };
}

/** Staff see who did what, the thread, the packages and every download. */
export function staffView(stored: Stored, now: Date) {
  const open = ['submitted', 'in_review', 'info_requested'].includes(stored.status);
  return {
    ...officerView(stored),
    officerId: stored.officerId,
    agencyId: stored.agencyId,
    assignedTo: stored.assignedTo,
    nonDisclosureUpheld: stored.nonDisclosureUpheld,
    supervisorConfirmation: stored.supervisorConfirmation,
    overdue: open && !!stored.dueBy && new Date(stored.dueBy).getTime() < now.getTime(),
    history: stored.history.map((entry) => ({
      from: entry.from,
      to: entry.to,
      action: entry.verb,
      actor: entry.actor,
      at: new Date(entry.at).toISOString(),
    })),
    releaseGate: stored.releaseGate,
    disclosures: stored.disclosures.map((pkg) => ({
      id: pkg.id,
      fileName: pkg.fileName,
      sha256: pkg.sha256,
      size: pkg.size,
      contentType: pkg.contentType,
      uploadedBy: pkg.uploadedBy,
      uploadedAt: new Date(pkg.uploadedAt).toISOString(),
      releasedAt: iso(pkg.releasedAt),
    })),
    downloads: stored.downloads.map((download) => ({ ...download, at: new Date(download.at).toISOString() })),
  };
}
