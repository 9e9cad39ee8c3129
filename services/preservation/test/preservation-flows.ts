import * as Minio from 'minio';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { Clock } from '@lers/clock';
import { samplePdf, testInfra, type RunningService } from '@lers/testing';

export const DAY_MS = 86_400_000;
/** An EIP-55 address; the holds query must also find it written in lower case. */
export const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

let sequence = 0;
/** A valid body for `POST /v1/preservations`. */
export function preservationOrderForm(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    legalBasis: 'Section 9 and Schedule 1, Police and Criminal Evidence Act 1984',
    jurisdiction: { country: 'GB' },
    caseReference: `MPS-PRES-${Date.now().toString(36)}${sequence}`,
    summary:
      'Investment fraud: victims paid into an exchange account that forwarded the funds to a mixer within hours.',
    subjects: [
      { type: 'email', value: `suspect.${Date.now().toString(36)}${sequence}@example.com` },
      { type: 'wallet_address', chain: 'eth', value: WALLET },
    ],
    ...overrides,
  };
}

/** The agency side of preservation orders, through the gateway with an officer's token. */
export function officerOrders(gatewayUrl: string, token: string) {
  const as = <T extends request.Test>(test: T) => test.set('authorization', `Bearer ${token}`);
  const http = request(gatewayUrl);
  return {
    create: (form: object = preservationOrderForm(), key?: string) => {
      const test = as(http.post('/v1/preservations')).send(form);
      return key ? test.set('idempotency-key', key) : test;
    },
    extend: (id: string, justification = 'A production order is being drafted.') =>
      as(http.post(`/v1/preservations/${id}/extensions`)).send({ justification }),
    read: (id: string) => as(http.get(`/v1/preservations/${id}`)),
    list: (query: Record<string, string> = {}) => as(http.get('/v1/preservations').query(query)),
    attach: (id: string, content = samplePdf()) =>
      as(http.post(`/v1/preservations/${id}/documents`)).attach('file', content, {
        filename: 'preservation-letter.pdf',
        contentType: 'application/pdf',
      }),
  };
}

/** The legal team on the preservation service's internal API. */
export function staffOrders(preservationUrl: string, token: string) {
  const as = <T extends request.Test>(test: T) => test.set('authorization', `Bearer ${token}`);
  const http = request(preservationUrl);
  return {
    list: (query: Record<string, string> = {}) => as(http.get('/internal/preservations').query(query)),
    read: (id: string) => as(http.get(`/internal/preservations/${id}`)),
    release: (id: string, reason = 'The investigation was closed.') =>
      as(http.post(`/internal/preservations/${id}/release`)).send({ reason }),
    holds: (query: Record<string, string>) => as(http.get('/internal/holds').query(query)),
  };
}

/** An order as stored, without the outbox the relay empties on its own schedule. */
export async function storedOrder(db: Connection, id: string) {
  const document = await db.collection('preservation_orders').findOne({ _id: id as never });
  if (!document) return document;
  const {
    outbox: _outbox,
    outboxPending: _pending,
    auditPending: _audit,
    auditQueued: _queued,
    ...rest
  } = document;
  return rest;
}

/** Moves a service's injectable clock to `at` (and keeps it there until moved again). */
export function setClock(service: RunningService<object>, at: Date) {
  jest.spyOn(service.app.get(Clock), 'now').mockImplementation(() => new Date(at));
}

export function minioClient() {
  const url = new URL(testInfra.minioEndpoint);
  return new Minio.Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: false,
    accessKey: testInfra.minioUser,
    secretKey: testInfra.minioPassword,
  });
}

/** What MinIO answers to deleting the exact stored version: `deleted`, or its own refusal. */
export async function tryDelete(client: Minio.Client, bucket: string, objectKey: string, versionId: string) {
  return client.removeObject(bucket, objectKey, { versionId }).then(
    () => 'deleted',
    (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
  );
}
