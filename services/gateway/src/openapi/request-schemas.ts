import { DOCUMENT_KINDS, REQUEST_STATUSES } from '@lers/contracts';
import type { SchemaObject } from './problem-responses';

/**
 * Response bodies of the requests routes. The views are TypeScript interfaces (nothing to derive a
 * schema from at run time), so they are written out here, beside the routes that answer them.
 */
const timestamp: SchemaObject = { type: 'string', format: 'date-time' };
const nullableTimestamp: SchemaObject = { ...timestamp, nullable: true };

const documentView: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
    sha256: { type: 'string', description: 'SHA-256 of the content, hex' },
    size: { type: 'integer' },
    contentType: { type: 'string', enum: ['application/pdf', 'image/png', 'image/jpeg'] },
    uploadedAt: timestamp,
  },
};

const historyEntry: SchemaObject = {
  type: 'object',
  properties: {
    from: { type: 'string', enum: [...REQUEST_STATUSES] },
    to: { type: 'string', enum: [...REQUEST_STATUSES] },
    action: { type: 'string' },
    actor: { type: 'object', properties: { kind: { type: 'string', enum: ['officer', 'staff'] } } },
    at: timestamp,
  },
};

const requestSummary = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    caseNumber: { type: 'string', nullable: true, example: 'LERS-2026-000123' },
    status: { type: 'string', enum: [...REQUEST_STATUSES] },
    processType: { type: 'string' },
    caseReference: { type: 'string' },
    createdAt: timestamp,
    submittedAt: nullableTimestamp,
    dueBy: nullableTimestamp,
  },
};

const requestView: SchemaObject = {
  type: 'object',
  description: 'The request as submitted in the form, with its state, documents and every move in `history`.',
  properties: {
    ...requestSummary.properties,
    emergency: {
      type: 'object',
      nullable: true,
      properties: {
        threat: { type: 'string' },
        certification: { type: 'boolean' },
        supervisorConfirmation: { type: 'string', enum: ['not_requested', 'pending', 'confirmed'] },
      },
    },
    documents: { type: 'array', items: documentView },
    decidedAt: nullableTimestamp,
    rejectionReason: { type: 'string', nullable: true },
    history: { type: 'array', items: historyEntry },
  },
  additionalProperties: true,
};

const page = (item: SchemaObject): SchemaObject => ({
  type: 'object',
  properties: {
    items: { type: 'array', items: item },
    nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` for the next page' },
  },
});

const messageView: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    author: { type: 'object', properties: { kind: { type: 'string', enum: ['officer', 'staff'] } } },
    body: { type: 'string' },
    at: timestamp,
  },
};

const disclosureView: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    fileName: { type: 'string' },
    sha256: { type: 'string' },
    size: { type: 'integer' },
    contentType: { type: 'string' },
    releasedAt: timestamp,
    download: {
      type: 'object',
      properties: {
        url: { type: 'string', description: 'GET with the bearer token; valid for at most 15 minutes' },
        expiresAt: timestamp,
      },
    },
  },
};

export const REQUEST_SCHEMAS: Record<string, SchemaObject> = {
  RequestView: requestView,
  RequestPage: page(requestSummary),
  RequestDocumentView: documentView,
  MessageView: messageView,
  MessagePage: page(messageView),
  DisclosureList: { type: 'object', properties: { items: { type: 'array', items: disclosureView } } },
  EmergencyConfirmed: {
    type: 'object',
    properties: {
      caseNumber: { type: 'string' },
      supervisorConfirmation: { type: 'string', enum: ['confirmed'] },
    },
  },
};

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });
