import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EVENT_TOPICS } from '@lers/contracts';
import { produceRaw } from '@lers/testing';
import { codeIn, latestMailTo, staffLogin, totpNow } from '../../access/test/identity-helpers';

/** A staff member with `roles`, invited by the admin on access, activated and logged in. */
export async function staffMember(accessUrl: string, adminToken: string, roles: string[]) {
  const email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@exchange.test`;
  await request(accessUrl)
    .post('/internal/staff')
    .set('authorization', `Bearer ${adminToken}`)
    .send({ email, fullName: 'Lee Legal', roles })
    .expect(201);
  const token = codeIn((await latestMailTo(email, 'added as staff')).text);
  const password = 'legal team passphrase 2026!';
  const enrolment = await request(accessUrl)
    .post('/internal/auth/activate')
    .send({ token, password })
    .expect(200);
  await request(accessUrl)
    .post('/internal/auth/totp/confirm')
    .send({ token, code: totpNow(enrolment.body.totpSecret) })
    .expect(200);
  return (await staffLogin(accessUrl, email, password, enrolment.body.totpSecret)).accessToken;
}

/** A `requests.request.approved` envelope as the requests service publishes it. */
export function approvedEvent(payload: {
  requestId: string;
  subjects: { type: string; value: string; chain?: string }[];
  nonDisclosure?: { ordered: boolean; until?: string; upheld: boolean };
}) {
  return {
    id: randomUUID(),
    type: 'requests.request.approved',
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    producer: 'requests',
    key: payload.requestId,
    payload: {
      caseNumber: 'LERS-2026-000777',
      officerId: 'officer-1',
      agencyId: 'agency-1',
      agencyName: 'Metropolitan Police Service',
      agencyCountry: 'GB',
      dataRequested: ['subscriber_info', 'transactions'],
      nonDisclosure: { ordered: false, upheld: false },
      ...payload,
    },
  };
}

export const publishRequestEvent = (event: { key: string }) =>
  produceRaw(EVENT_TOPICS.requestsEvents, [{ key: event.key, value: JSON.stringify(event) }]);

/** A fresh exchange user whose identifiers are an e-mail address and a user id. */
export function exchangeUser() {
  const tag = randomUUID().slice(0, 8);
  return {
    userId: `U-${tag}`,
    email: `user-${tag}@customers.test`,
    identifiers: [
      { type: 'uid', value: `U-${tag}` },
      { type: 'email', value: `Holder-${tag}@Customers.TEST` },
    ],
  };
}
