/** MinIO buckets: the gateway streams uploads into them; the owning service keeps the metadata. */
export const BUCKETS = {
  accessDocuments: 'lers-access-documents',
  requestDocuments: 'lers-request-documents',
  disclosures: 'lers-disclosures',
  preservationDocuments: 'lers-preservation-documents',
} as const;
