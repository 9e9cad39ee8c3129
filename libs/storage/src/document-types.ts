/** What LERS accepts as an official document or proof: judged by content, never by name or header. */
export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** What staff may release as a disclosure package: a document, or an archive of records. */
export const DISCLOSURE_TYPES = [...EVIDENCE_TYPES, 'application/zip'] as const;

export type EvidenceType = (typeof DISCLOSURE_TYPES)[number];

/** file-type needs at most this many leading bytes to recognise a format. */
export const SNIFF_BYTES = 4100;
