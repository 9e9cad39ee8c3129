import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { EVENT_TOPICS } from '@lers/contracts';
import { informationRequestForm, produceRaw, samplePdf } from '@lers/testing';

/** What the agency side of the requests e2e tests do, through the gateway with an officer's token. */
export function officerApi(gatewayUrl: string, token: string) {
  const as = <T extends request.Test>(test: T) => test.set('authorization', `Bearer ${token}`);
  const http = request(gatewayUrl);
  return {
    /** The officer's authorization header, for hand-built requests. */
    authorization: `Bearer ${token}`,
    create: (form: object = informationRequestForm(), key?: string) => {
      const test = as(http.post('/v1/requests')).send(form);
      return key ? test.set('idempotency-key', key) : test;
    },
    /** Multipart parts go in call order: `kindFirst: false` sends the file before its kind. */
    upload: (
      id: string,
      kind = 'court_order',
      content = samplePdf(),
      { fileName = 'order.pdf', kindFirst = true } = {},
    ) => {
      const test = as(http.post(`/v1/requests/${id}/documents`));
      const file = { filename: fileName, contentType: 'application/pdf' };
      return kindFirst
        ? test.field('kind', kind).attach('file', content, file)
        : test.attach('file', content, file).field('kind', kind);
    },
    submit: (id: string) => as(http.post(`/v1/requests/${id}/submit`)),
    withdraw: (id: string) => as(http.post(`/v1/requests/${id}/withdraw`)),
    read: (id: string) => as(http.get(`/v1/requests/${id}`)),
    list: (query: Record<string, string> = {}) => as(http.get('/v1/requests').query(query)),
    postMessage: (id: string, body: string) => as(http.post(`/v1/requests/${id}/messages`)).send({ body }),
    messages: (id: string) => as(http.get(`/v1/requests/${id}/messages`)),
    disclosures: (id: string) => as(http.get(`/v1/requests/${id}/disclosures`)),
    /** A link as listed (absolute, on PUBLIC_BASE_URL) followed on this gateway. */
    download: (url: string) =>
      as(http.get(new URL(url).pathname))
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        }),
  };
}

/** The legal team's moves on the requests service's internal API. */
export function staffApi(requestsUrl: string, token: string) {
  const as = <T extends request.Test>(test: T) => test.set('authorization', `Bearer ${token}`);
  const http = request(requestsUrl);
  return {
    read: (id: string) => as(http.get(`/internal/requests/${id}`)),
    assign: (id: string) => as(http.post(`/internal/requests/${id}/assign`)).send({}),
    requestInfo: (id: string, message: string) =>
      as(http.post(`/internal/requests/${id}/request-info`)).send({ message }),
    approve: (id: string, nonDisclosureUpheld = false) =>
      as(http.post(`/internal/requests/${id}/approve`)).send({ nonDisclosureUpheld }),
    reject: (id: string, reason: string) => as(http.post(`/internal/requests/${id}/reject`)).send({ reason }),
    uploadPackage: (id: string, content: Buffer, fileName: string) =>
      as(http.post(`/internal/requests/${id}/disclosures`)).attach('file', content, {
        filename: fileName,
        contentType: 'application/pdf',
      }),
  };
}

/** The user-notice side settles every subject of an approved request, so its packages may be released. */
export async function settleNotices(requestId: string, subjectCount: number, outcome = 'delivered') {
  await produceRaw(
    EVENT_TOPICS.notificationEvents,
    Array.from({ length: subjectCount }, (_, subjectIndex) => ({
      key: requestId,
      value: JSON.stringify({
        id: randomUUID(),
        type: 'notification.notice.settled',
        version: 1,
        occurredAt: new Date().toISOString(),
        correlationId: randomUUID(),
        producer: 'notification',
        key: requestId,
        payload: { requestId, subjectIndex, outcome },
      }),
    })),
  );
}

/** `from→to` of every move in a request's history, in order. */
export const movesOf = (view: { history: { from: string | null; to: string }[] }) =>
  view.history.map((entry) => `${entry.from}→${entry.to}`);

/**
 * A request as the requests service stored it, without its outbox and audit queue (their relays
 * clear them in the background, so they are no sign of a change made by the call under test).
 */
export async function storedRequest(db: Connection, id: string) {
  const document = await db.collection('information_requests').findOne({ _id: id as never });
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
