import { PRESERVATION_INSTRUMENTS, PRESERVATION_STATUSES } from '@lers/contracts';
import type { SchemaObject } from '../openapi/problem-responses';

/** Response bodies of the preservation routes, written out inline (the views are interfaces). */
const timestamp: SchemaObject = { type: 'string', format: 'date-time' };

export const preservationDocumentSchema: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    sha256: { type: 'string', description: 'SHA-256 of the content, hex' },
    size: { type: 'integer' },
    contentType: { type: 'string', enum: ['application/pdf', 'image/png', 'image/jpeg'] },
    uploadedAt: timestamp,
    legalHold: {
      type: 'boolean',
      description: 'Under S3 legal hold (cannot be deleted) while the order is active',
    },
  },
};

const summary: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: [...PRESERVATION_STATUSES] },
    instrument: {
      type: 'string',
      enum: [...PRESERVATION_INSTRUMENTS],
      description:
        'The rule that applied: standard 90 days (+90), us_2703f 90 days (one 90-day renewal), ' +
        'eu_epoc_pr 60 days (one 30-day extension)',
    },
    caseReference: { type: 'string' },
    receivedAt: timestamp,
    preservedUntil: { ...timestamp, description: '`receivedAt` + the instrument’s period, + each extension' },
  },
};

export const preservationViewSchema: SchemaObject = {
  type: 'object',
  properties: {
    ...summary.properties,
    legalBasis: { type: 'string' },
    jurisdiction: {
      type: 'object',
      properties: { country: { type: 'string' }, region: { type: 'string', nullable: true } },
    },
    summary: { type: 'string' },
    subjects: { type: 'array', items: { type: 'object' } },
    extensions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { justification: { type: 'string' }, at: timestamp, preservedUntil: timestamp },
      },
    },
    extensionsLeft: { type: 'integer' },
    citedBy: {
      type: 'array',
      items: { type: 'string' },
      description: 'Open requests for information citing the order: they keep it past `preservedUntil`',
    },
    expiryDeferred: { type: 'boolean' },
    documents: { type: 'array', items: preservationDocumentSchema },
    endedAt: { ...timestamp, nullable: true },
    releaseReason: { type: 'string', nullable: true },
  },
  additionalProperties: true,
};

export const preservationPageSchema: SchemaObject = {
  type: 'object',
  properties: {
    items: { type: 'array', items: summary },
    nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` for the next page' },
  },
};
