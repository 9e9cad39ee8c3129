import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EVENT_TOPICS } from '@lers/contracts';
import { produceRaw, waitFor } from '@lers/testing';
import { bootIdentityStack, type IdentityStack } from '../../../test/e2e/backbone-harness';
import { activeOfficer, totpNow } from '../../access/test/identity-helpers';
import { publishRequestEvent } from './notice-helpers';

/** Officers' in-app notifications through the gateway: their own only, read/unread, from request moves. */
describe('officer notifications', () => {
  let stack: IdentityStack;

  beforeAll(async () => {
    stack = await bootIdentityStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function loggedInOfficer() {
    const officer = await activeOfficer(stack.gateway.url, stack.access.url, stack.adminToken);
    const login = await request(stack.gateway.url)
      .post('/v1/auth/login')
      .send({ email: officer.email, password: officer.password, totp: totpNow(officer.totpSecret) })
      .expect(200);
    const token = login.body.accessToken as string;
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as {
      sub: string;
      agencyId: string;
    };
    return { token, officerId: claims.sub, agencyId: claims.agencyId };
  }

  const move = (
    officer: { officerId: string; agencyId: string },
    requestId: string,
    from: string,
    to: string,
  ) =>
    publishRequestEvent({
      id: randomUUID(),
      type: 'requests.request.status_changed',
      version: 1,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      producer: 'requests',
      key: requestId,
      payload: {
        requestId,
        caseNumber: 'LERS-2026-000321',
        officerId: officer.officerId,
        agencyId: officer.agencyId,
        from,
        to,
      },
    } as never);

  it('lists the officer’s own notifications newest first, pages them, filters unread, marks one read', async () => {
    const alex = await loggedInOfficer();
    const other = await loggedInOfficer();
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const list = (token: string, query: Record<string, string> = {}) =>
      request(stack.gateway.url).get('/v1/notifications').query(query).set(as(token));
    const requestId = `req-${randomUUID()}`;
    await move(alex, requestId, 'draft', 'submitted'); // the officer's own move: no notification
    await move(alex, requestId, 'submitted', 'in_review');
    await move(alex, requestId, 'in_review', 'info_requested');
    await move(other, `req-${randomUUID()}`, 'submitted', 'in_review');

    const items = await waitFor('two notifications', async () => {
      const body = (await list(alex.token).expect(200)).body;
      return body.items.length === 2 && body.items;
    });
    expect(
      items.map((item: { kind: string; message: string; read: boolean }) => [
        item.kind,
        item.message,
        item.read,
      ]),
    ).toEqual([
      ['info_requested', 'Request LERS-2026-000321: information requested', false],
      ['status_changed', 'Request LERS-2026-000321: under review', false],
    ]);
    const firstPage = (await list(alex.token, { limit: '1' }).expect(200)).body;
    expect(firstPage.items).toHaveLength(1);
    const secondPage = (await list(alex.token, { limit: '1', cursor: firstPage.nextCursor }).expect(200))
      .body;
    expect(secondPage).toEqual({ items: [items[1]], nextCursor: null });

    const read = await request(stack.gateway.url)
      .post(`/v1/notifications/${items[0].id}/read`)
      .set(as(alex.token))
      .expect(200);
    expect(read.body).toMatchObject({ id: items[0].id, read: true, readAt: expect.any(String) });
    const again = await request(stack.gateway.url)
      .post(`/v1/notifications/${items[0].id}/read`)
      .set(as(alex.token))
      .expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect(
      (await list(alex.token, { unread: 'true' }).expect(200)).body.items.map((i: { id: string }) => i.id),
    ).toEqual([items[1].id]);

    // Another officer's notification is not there, whatever the id.
    const missing = await request(stack.gateway.url)
      .post(`/v1/notifications/${items[1].id}/read`)
      .set(as(other.token));
    expect([missing.status, missing.body.code]).toEqual([404, 'not_found']);
    expect((await list(alex.token, { unread: 'true' }).expect(200)).body.items).toHaveLength(1);
    const bad = await list(alex.token, { unread: 'maybe' }).expect(400);
    expect(bad.body.code).toBe('validation_failed');
    await request(stack.gateway.url).get('/v1/notifications').expect(401);
  });

  it('turns a preservation reminder into the officer’s notification, once however often it is delivered', async () => {
    const alex = await loggedInOfficer();
    const preservationId = randomUUID();
    const reminder = (daysLeft: number) =>
      JSON.stringify({
        id: randomUUID(),
        type: 'preservation.order.expiring',
        version: 1,
        occurredAt: new Date(Date.now() + (14 - daysLeft)).toISOString(),
        correlationId: randomUUID(),
        producer: 'preservation',
        key: preservationId,
        payload: {
          preservationId,
          officerId: alex.officerId,
          agencyId: alex.agencyId,
          preservedUntil: '2027-02-27T10:00:00.000Z',
          daysLeft,
        },
      });
    const threeDays = reminder(3);
    // Delivered twice, then a later reminder on the same key: once that one is in, both copies were handled.
    await produceRaw(EVENT_TOPICS.preservationEvents, [
      { key: preservationId, value: reminder(14) },
      { key: preservationId, value: threeDays },
      { key: preservationId, value: threeDays },
      { key: preservationId, value: reminder(1) },
    ]);
    const items = await waitFor('the reminders in the officer’s notifications', async () => {
      const response = await request(stack.gateway.url)
        .get('/v1/notifications')
        .set({ authorization: `Bearer ${alex.token}` })
        .expect(200);
      return response.body.items.some((item: { message: string }) => item.message.includes('ends in 1 day'))
        ? response.body.items
        : undefined;
    });
    expect(items.map((item: { kind: string; message: string }) => [item.kind, item.message]).sort()).toEqual([
      [
        'preservation_reminder',
        'Preservation order ends in 1 day (2027-02-27); extend it if the records are still needed',
      ],
      [
        'preservation_reminder',
        'Preservation order ends in 14 days (2027-02-27); extend it if the records are still needed',
      ],
      [
        'preservation_reminder',
        'Preservation order ends in 3 days (2027-02-27); extend it if the records are still needed',
      ],
    ]);
    const stored = await stack.notificationDb
      .collection('officer_notifications')
      .find({ preservationId } as never)
      .toArray();
    expect(stored).toHaveLength(3);
  });
});
