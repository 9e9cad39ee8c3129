import request from 'supertest';
import type { Connection } from 'mongoose';
import {
  accessApplicationForm,
  disguisedExecutable,
  openTestDatabase,
  samplePdf,
  samplePng,
  type RunningService,
} from '@lers/testing';
import { bootAccess, bootGateway } from '../../../test/e2e/backbone-harness';

const MAX_BYTES = 64 * 1024;

/** POST /v1/access-applications: multipart streamed to MinIO, validated, and refused clearly. */
describe('POST /v1/access-applications', () => {
  let gateway: RunningService<object>;
  let access: RunningService<{ MONGO_DB: string }>;
  let accessDb: Connection;

  beforeAll(async () => {
    access = await bootAccess();
    gateway = await bootGateway({ MAX_DOCUMENT_BYTES: String(MAX_BYTES) });
    accessDb = await openTestDatabase(access.config.MONGO_DB);
  });

  afterAll(async () => {
    await gateway?.close();
    await access?.close();
    await accessDb?.dropDatabase();
    await accessDb?.close();
  });

  const applications = () => accessDb.collection('access_applications').countDocuments();
  const apply = (form: object) =>
    request(gateway.url).post('/v1/access-applications').field('application', JSON.stringify(form));

  it('accepts a PNG proof judged by content and records its SHA-256', async () => {
    const response = await apply(accessApplicationForm())
      .attach('proofOfAuthority', samplePng(), {
        filename: 'badge.bin',
        contentType: 'application/octet-stream',
      })
      .expect(201);
    const stored = await accessDb.collection('access_applications').findOne({ _id: response.body.id });
    const { createHash } = await import('node:crypto');
    expect(stored?.proofOfAuthority[0]).toMatchObject({
      contentType: 'image/png',
      size: samplePng().length,
      sha256: createHash('sha256').update(samplePng()).digest('hex'),
    });
    expect(stored?.proofOfAuthority[0].objectKey).toMatch(
      /^access-applications\/\d{4}-\d{2}\/[0-9a-f-]{36}$/,
    );
  });

  it('refuses an executable named .pdf with 415 unsupported_document and stores nothing', async () => {
    const before = await applications();
    const response = await apply(accessApplicationForm())
      .attach('proofOfAuthority', disguisedExecutable(), {
        filename: 'warrant.pdf',
        contentType: 'application/pdf',
      })
      .expect(415);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 415, code: 'unsupported_document' });
    expect(await applications()).toBe(before);
  });

  it('refuses a document over the size limit with 413 and stores nothing', async () => {
    const before = await applications();
    const response = await apply(accessApplicationForm())
      .attach('proofOfAuthority', samplePdf(MAX_BYTES), {
        filename: 'big.pdf',
        contentType: 'application/pdf',
      })
      .expect(413);
    expect(response.body).toMatchObject({ status: 413, code: 'document_too_large' });
    expect(await applications()).toBe(before);
  });

  it.each([
    [
      'a free-mail officer e-mail',
      { officer: { ...accessApplicationForm().officer, email: 'cop@gmail.com' } },
      'non_government_email',
    ],
    [
      'a private-company e-mail',
      { officer: { ...accessApplicationForm().officer, email: 'cop@example.com' } },
      'non_government_email',
    ],
    ['a declaration that is not true', { declaration: false }, 'declaration_required'],
  ])('refuses %s with 422', async (_name, change, code) => {
    const before = await applications();
    const response = await apply({ ...accessApplicationForm(), ...change })
      .attach('proofOfAuthority', samplePdf(), 'proof.pdf')
      .expect(422);
    expect(response.body).toMatchObject({ status: 422, code });
    expect(await applications()).toBe(before);
  });

  it('refuses a missing proof of authority with 422 proof_of_authority_required', async () => {
    const response = await apply(accessApplicationForm()).expect(422);
    expect(response.body).toMatchObject({ code: 'proof_of_authority_required' });
  });

  it('refuses unknown fields and bad values with 400 validation_failed naming each field', async () => {
    const form = accessApplicationForm();
    const response = await apply({ ...form, officer: { ...form.officer, phone: '555-1234' }, isAdmin: true })
      .attach('proofOfAuthority', samplePdf(), 'proof.pdf')
      .expect(400);
    expect(response.body.code).toBe('validation_failed');
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['application.officer.phone', 'application.isAdmin']));
  });

  it('refuses a body that is not JSON with 400 validation_failed', async () => {
    const response = await request(gateway.url)
      .post('/v1/access-applications')
      .field('application', '{oops')
      .attach('proofOfAuthority', samplePdf(), 'proof.pdf')
      .expect(400);
    expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'application' }] });
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const spec = await request(gateway.url).get('/v1/openapi.json').expect(200);
    expect(spec.body.paths['/v1/access-applications'].post).toBeDefined();
    // Bodies are described from the validating DTOs.
    const login = spec.body.paths['/v1/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.$ref).toBe('#/components/schemas/LoginCredentials');
    expect(spec.body.components.schemas.LoginCredentials.properties).toEqual(
      expect.objectContaining({
        email: expect.any(Object),
        password: expect.any(Object),
        totp: expect.any(Object),
      }),
    );
    expect(spec.body.components.schemas.LoginCredentials.required).toEqual(
      expect.arrayContaining(['email', 'password', 'totp']),
    );
    await request(gateway.url).get('/docs').redirects(1).expect(200);
  });
});
