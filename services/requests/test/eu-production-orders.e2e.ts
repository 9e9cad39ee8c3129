import { informationRequestForm } from '@lers/testing';
import { bootRequestsStack, type RequestsStack } from '../../../test/e2e/backbone-harness';
import { officerApi } from '../../gateway/test/request-flows';

const DAY_MS = 86_400_000;

/** A European Production Order (Regulation (EU) 2023/1543) over HTTP: its authority, its certificate, its clock. */
describe('European Production Orders', () => {
  let stack: RequestsStack;
  let officer: ReturnType<typeof officerApi>;

  beforeAll(async () => {
    stack = await bootRequestsStack();
    officer = officerApi(stack.gateway.url, (await stack.officer()).accessToken);
  }, 180_000);

  afterAll(() => stack?.close());

  const epo = (overrides: Record<string, unknown> = {}) =>
    informationRequestForm({
      processType: 'eu_production_order',
      legalBasis: 'Regulation (EU) 2023/1543, Article 5(3)',
      jurisdiction: { country: 'DE' },
      issuingAuthority: { name: 'Staatsanwaltschaft Berlin', country: 'DE' },
      ...overrides,
    });

  const storedCount = () => stack.requestsDb.collection('information_requests').countDocuments();

  it('refuses an order without an issuing authority, or from a state the Regulation does not bind (422, nothing stored)', async () => {
    const before = await storedCount();
    const { issuingAuthority: _omitted, ...withoutAuthority } = epo() as Record<string, unknown>;
    const missing = await officer.create(withoutAuthority).expect(422);
    expect([missing.body.code, missing.body.errors]).toEqual([
      'issuing_authority_required',
      [{ field: 'issuingAuthority', message: 'A European Production Order names its issuing authority.' }],
    ]);
    const denmark = await officer.create(
      epo({ issuingAuthority: { name: 'Anklagemyndigheden', country: 'DK' } }),
    );
    expect([denmark.status, denmark.body.code, denmark.body.errors[0].field]).toEqual([
      422,
      'issuing_authority_not_bound',
      'issuingAuthority.country',
    ]);
    expect(await storedCount()).toBe(before);
  });

  it('is submitted only with its EPOC certificate, and is due ten days later', async () => {
    const created = await officer.create(epo()).expect(201);
    expect(created.body.issuingAuthority).toEqual({ name: 'Staatsanwaltschaft Berlin', country: 'DE' });
    const id = created.body.id as string;
    await officer.upload(id, 'court_order').expect(201);
    const refused = await officer.submit(id).expect(422);
    expect(refused.body.code).toBe('official_document_required');
    expect((await officer.read(id).expect(200)).body.status).toBe('draft');

    await officer.upload(id, 'epoc_certificate').expect(201);
    const submitted = (await officer.submit(id).expect(200)).body;
    expect(submitted.status).toBe('submitted');
    expect(Date.parse(submitted.dueBy) - Date.parse(submitted.submittedAt)).toBe(10 * DAY_MS);
  });
});
