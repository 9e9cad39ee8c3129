import request from 'supertest';
import { BUCKETS, EVENT_TOPICS } from '@lers/contracts';
import { KafkaProbe, samplePdf } from '@lers/testing';
import { bootPreservationStack, type PreservationStack } from '../../../test/e2e/backbone-harness';
import {
  DAY_MS,
  minioClient,
  officerOrders,
  preservationOrderForm,
  staffOrders,
  storedOrder,
  tryDelete,
  WALLET,
} from '../../preservation/test/preservation-flows';

const OFFICER = ['400', '401', '403', '503'];
const CONTRACT: Record<string, Record<string, string[]>> = {
  '/v1/preservations': { post: ['201', ...OFFICER, '409', '422'], get: ['200', ...OFFICER] },
  '/v1/preservations/{id}': { get: ['200', ...OFFICER, '404'] },
  '/v1/preservations/{id}/extensions': { post: ['201', ...OFFICER, '404', '409', '422'] },
  '/v1/preservations/{id}/documents': { post: ['201', ...OFFICER, '404', '409', '413', '415', '422'] },
};

/** Preservation orders over HTTP: the 90-day rule, extensions and their limit, scoping, holds, evidence. */
describe('preservation orders through the gateway', () => {
  let stack: PreservationStack;
  let probe: KafkaProbe;
  let officer: ReturnType<typeof officerOrders>;
  let otherAgency: ReturnType<typeof officerOrders>;
  let legal: ReturnType<typeof staffOrders>;
  let staffToken: string;

  beforeAll(async () => {
    stack = await bootPreservationStack();
    probe = await KafkaProbe.watch(EVENT_TOPICS.preservationEvents);
    officer = officerOrders(stack.gateway.url, (await stack.officer()).accessToken);
    otherAgency = officerOrders(stack.gateway.url, (await stack.officer()).accessToken);
    staffToken = (await stack.staff(['legal'])).accessToken;
    legal = staffOrders(stack.preservation.url, staffToken);
  }, 180_000);

  afterAll(async () => {
    await probe?.stop();
    await stack?.close();
  });

  /** Delivery is at least once (two replicas' relays may both publish a write): one event is one id. */
  const eventsOf = (id: string, type: string) => [
    ...new Map(
      probe.seen
        .filter((message) => message.key === id)
        .map((message) => JSON.parse(message.value!))
        .filter((event) => event.type === type)
        .map((event) => [event.id, event]),
    ).values(),
  ];

  it('preserves for exactly 90 days from receipt and announces a hold per subject, in canonical form', async () => {
    const created = await officer.create().expect(201);
    const { id, status, instrument, receivedAt, preservedUntil } = created.body;
    expect({ status, instrument }).toEqual({ status: 'active', instrument: 'standard' });
    expect(Date.parse(preservedUntil) - Date.parse(receivedAt)).toBe(90 * DAY_MS);
    const stored = await storedOrder(stack.preservationDb, id);
    expect(stored!.preservedUntil.getTime() - stored!.receivedAt.getTime()).toBe(90 * DAY_MS);
    await probe.waitForMessage(
      'two holds placed',
      () => eventsOf(id, 'preservation.hold.placed').length === 2,
    );
    const subjects = eventsOf(id, 'preservation.hold.placed').map((event) => event.payload.subject);
    expect(subjects).toContainEqual({ type: 'wallet_address', chain: 'eth', value: WALLET.toLowerCase() });
    expect(eventsOf(id, 'preservation.hold.placed')[0].payload.preservedUntil).toBe(preservedUntil);
  });

  it('applies the instrument’s period: EPOC-PR 60 days with one 30-day extension', async () => {
    const created = await officer.create(preservationOrderForm({ instrument: 'eu_epoc_pr' })).expect(201);
    const { id, receivedAt, preservedUntil } = created.body;
    expect(Date.parse(preservedUntil) - Date.parse(receivedAt)).toBe(60 * DAY_MS);
    const extended = await officer.extend(id).expect(201);
    expect(Date.parse(extended.body.preservedUntil) - Date.parse(preservedUntil)).toBe(30 * DAY_MS);
  });

  it('extends by 90 days from the current end, once; the next is 409 extension_limit_reached and changes nothing', async () => {
    const { id, preservedUntil } = (await officer.create().expect(201)).body;
    const extended = await officer.extend(id, 'A production order is on its way.').expect(201);
    expect(Date.parse(extended.body.preservedUntil) - Date.parse(preservedUntil)).toBe(90 * DAY_MS);
    expect(extended.body.extensions).toEqual([
      {
        justification: 'A production order is on its way.',
        at: expect.any(String),
        preservedUntil: extended.body.preservedUntil,
      },
    ]);
    await probe.waitForMessage(
      'holds extended',
      () => eventsOf(id, 'preservation.hold.extended').length === 2,
    );
    const before = await storedOrder(stack.preservationDb, id);
    const refused = await officer.extend(id);
    expect([refused.status, refused.body.code]).toEqual([409, 'extension_limit_reached']);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await storedOrder(stack.preservationDb, id)).toEqual(before);
  });

  it('lets exactly one of five concurrent extensions through', async () => {
    const { id, preservedUntil } = (await officer.create().expect(201)).body;
    const answers = await Promise.all(Array.from({ length: 5 }, () => officer.extend(id)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const stored = await storedOrder(stack.preservationDb, id);
    expect(stored!.extensions).toHaveLength(1);
    expect(stored!.preservedUntil.getTime() - Date.parse(preservedUntil)).toBe(90 * DAY_MS);
  });

  it('refuses bad subjects and unknown fields with 400 naming the field, storing nothing', async () => {
    const before = await stack.preservationDb.collection('preservation_orders').countDocuments();
    const badWallet = await officer.create(
      preservationOrderForm({
        subjects: [
          { type: 'email', value: 'a@example.com' },
          { type: 'wallet_address', chain: 'eth', value: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD' },
        ],
      }),
    );
    expect([badWallet.status, badWallet.body.code]).toEqual([400, 'validation_failed']);
    expect(badWallet.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'subjects.1.value',
    ]);
    const noChain = await officer.create(
      preservationOrderForm({ subjects: [{ type: 'tx_hash', value: `0x${'ab'.repeat(32)}` }] }),
    );
    expect(noChain.body.errors.map((error: { field: string }) => error.field)).toEqual(['subjects.0.chain']);
    const unknown = await officer.create({ ...preservationOrderForm(), status: 'released' });
    expect([unknown.status, unknown.body.errors[0].field]).toEqual([400, 'status']);
    const instrument = await officer.create(preservationOrderForm({ instrument: 'forever' }));
    expect([instrument.status, instrument.body.errors[0].field]).toEqual([400, 'instrument']);
    expect(await stack.preservationDb.collection('preservation_orders').countDocuments()).toBe(before);
  });

  it('shows an officer only their own orders: another agency’s is 404 to read and to extend', async () => {
    const { id } = (await officer.create().expect(201)).body;
    const before = await storedOrder(stack.preservationDb, id);
    expect((await otherAgency.read(id)).status).toBe(404);
    const extend = await otherAgency.extend(id);
    expect([extend.status, extend.body.code]).toEqual([404, 'not_found']);
    expect((await otherAgency.attach(id)).status).toBe(404);
    const listed = (await otherAgency.list({ limit: '100' }).expect(200)).body.items.map(
      (item: { id: string }) => item.id,
    );
    expect(listed).not.toContain(id);
    expect(await storedOrder(stack.preservationDb, id)).toEqual(before);
    expect((await officer.read(id).expect(200)).body.id).toBe(id);
  });

  it('refuses no token (401) and a staff token (403)', async () => {
    const http = request(stack.gateway.url);
    expect((await http.post('/v1/preservations').send(preservationOrderForm())).status).toBe(401);
    const asStaff = await http.get('/v1/preservations').set('authorization', `Bearer ${staffToken}`);
    expect([asStaff.status, asStaff.body.code]).toEqual([403, 'forbidden']);
  });

  it('pages the officer’s orders newest first, without repeats', async () => {
    const pager = officerOrders(stack.gateway.url, (await stack.officer()).accessToken);
    const ids = [];
    for (let index = 0; index < 3; index++) ids.push((await pager.create().expect(201)).body.id);
    const first = (await pager.list({ limit: '2' }).expect(200)).body;
    const second = (await pager.list({ limit: '2', cursor: first.nextCursor }).expect(200)).body;
    expect([...first.items, ...second.items].map((item: { id: string }) => item.id)).toEqual(ids.reverse());
    expect(second.nextCursor).toBeNull();
  });

  it('answers a repeated Idempotency-Key with the first order, creating one', async () => {
    const form = preservationOrderForm();
    const key = `pres-${Date.now()}`;
    const first = await officer.create(form, key).expect(201);
    const again = await officer.create(form, key).expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(
      await stack.preservationDb
        .collection('preservation_orders')
        .countDocuments({ caseReference: form.caseReference }),
    ).toBe(1);
  });

  it('keeps the preservation letter under legal hold until staff release the order, then lifts it', async () => {
    const { id } = (await officer.create().expect(201)).body;
    const attached = await officer.attach(id, samplePdf(64)).expect(201);
    expect(attached.body.legalHold).toBe(true);
    const { objectKey } = (await storedOrder(stack.preservationDb, id))!.documents[0];
    const client = minioClient();
    const { versionId } = await client.statObject(BUCKETS.preservationDocuments, objectKey);
    expect(
      await client.getObjectLegalHold(BUCKETS.preservationDocuments, objectKey, { versionId: versionId! }),
    ).toEqual({ Status: 'ON' });
    expect(await tryDelete(client, BUCKETS.preservationDocuments, objectKey, versionId!)).toBe(
      'InvalidRequest: Object is WORM protected and cannot be overwritten',
    );

    const holds = await legal
      .holds({ type: 'wallet_address', chain: 'eth', value: WALLET.toLowerCase() })
      .expect(200);
    expect(holds.body.items.map((hold: { preservationId: string }) => hold.preservationId)).toContain(id);

    const released = await legal.release(id, 'The suspect was charged; records were produced.').expect(200);
    expect(released.body).toMatchObject({
      status: 'released',
      releaseReason: 'The suspect was charged; records were produced.',
    });
    await probe.waitForMessage(
      'holds released',
      () => eventsOf(id, 'preservation.hold.released').length === 2,
    );
    expect(eventsOf(id, 'preservation.hold.released')[0].payload.reason).toBe('released_by_staff');
    const stored = await storedOrder(stack.preservationDb, id);
    expect(stored).toMatchObject({ status: 'released', evidenceHeld: false, releasedBy: expect.any(String) });
    expect(stored!.documents[0].legalHold).toBe(false);
    expect(
      await client.getObjectLegalHold(BUCKETS.preservationDocuments, objectKey, { versionId: versionId! }),
    ).toEqual({ Status: 'OFF' });
    const after = await legal.holds({ type: 'wallet_address', chain: 'eth', value: WALLET }).expect(200);
    expect(after.body.items.map((hold: { preservationId: string }) => hold.preservationId)).not.toContain(id);

    const extend = await officer.extend(id);
    expect([extend.status, extend.body.code]).toEqual([409, 'invalid_transition']);
    const again = await legal.release(id);
    expect([again.status, again.body.code]).toEqual([409, 'invalid_transition']);
    const late = await officer.attach(id);
    expect([late.status, late.body.code]).toEqual([409, 'invalid_transition']);
  });

  it('refuses a holds query with a malformed subject, naming the field', async () => {
    const bad = await legal.holds({ type: 'wallet_address', value: WALLET });
    expect([bad.status, bad.body.errors]).toEqual([
      400,
      [{ field: 'chain', message: 'is required for a subject of type wallet_address' }],
    ]);
    const officerCall = await request(stack.preservation.url)
      .get('/internal/holds')
      .query({ type: 'email', value: 'a@example.com' });
    expect(officerCall.status).toBe(401);
  });

  it('documents every preservation route with every status in OpenAPI', async () => {
    const spec = (await request(stack.gateway.url).get('/v1/openapi.json').expect(200)).body;
    for (const [path, methods] of Object.entries(CONTRACT)) {
      for (const [method, statuses] of Object.entries(methods)) {
        expect([path, method, Object.keys(spec.paths[path]?.[method]?.responses ?? {}).sort()]).toEqual([
          path,
          method,
          [...statuses].sort(),
        ]);
      }
    }
    // Optional: left out or null, the order is `standard` (the validation lets null through, and so does the spec).
    expect(spec.components.schemas.PreservationOrderForm.properties.instrument.enum).toEqual([
      'standard',
      'us_2703f',
      'eu_epoc_pr',
      null,
    ]);
  });
});
