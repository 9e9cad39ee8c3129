import request from 'supertest';
import type { RunningService } from '@lers/testing';
import { bootGateway } from '../../../test/e2e/backbone-harness';

const OFFICER = ['400', '401', '403', '503'];

/** Every agency route of requests for information, with every status it can answer. */
const CONTRACT: Record<string, Record<string, string[]>> = {
  '/v1/requests': {
    post: ['201', ...OFFICER, '409', '422'],
    get: ['200', ...OFFICER],
  },
  '/v1/requests/{id}': { get: ['200', ...OFFICER, '404'] },
  '/v1/requests/{id}/documents': { post: ['201', ...OFFICER, '404', '409', '413', '415', '422'] },
  '/v1/requests/{id}/submit': { post: ['200', ...OFFICER, '404', '409', '422'] },
  '/v1/requests/{id}/withdraw': { post: ['200', ...OFFICER, '404', '409'] },
  '/v1/requests/{id}/messages': {
    post: ['201', ...OFFICER, '404', '409', '422'],
    get: ['200', ...OFFICER, '404'],
  },
  '/v1/requests/{id}/disclosures': { get: ['200', ...OFFICER, '404'] },
  '/v1/disclosure-downloads/{token}': { get: ['200', ...OFFICER, '404'] },
  '/v1/emergency-confirmations': { post: ['200', '400', '409', '422', '429', '503'] },
};

describe('GET /v1/openapi.json: requests for information', () => {
  let gateway: RunningService<object>;
  let spec: {
    info: { description: string };
    paths: Record<string, Record<string, { responses: Record<string, Record<string, unknown>> }>>;
    components: { schemas: Record<string, unknown> };
  };

  beforeAll(async () => {
    gateway = await bootGateway();
    spec = (await request(gateway.url).get('/v1/openapi.json').expect(200)).body;
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const routes = Object.entries(CONTRACT).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, statuses]) => [method.toUpperCase(), path, statuses] as const),
  );

  it.each(routes)('%s %s documents exactly its statuses', (method, path, statuses) => {
    const responses = spec.paths[path]?.[method.toLowerCase()]?.responses;
    expect(Object.keys(responses ?? {}).sort()).toEqual([...statuses].sort());
  });

  it('describes every error as problem+json and the create body from its validating DTO', () => {
    const submit = spec.paths['/v1/requests/{id}/submit'].post.responses['422'];
    expect(submit.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } },
    });
    expect(spec.components.schemas.ProblemDetails).toMatchObject({
      required: expect.arrayContaining(['code']),
    });
    const create = spec.paths['/v1/requests'].post as unknown as {
      requestBody: { content: Record<string, { schema: { $ref: string } }> };
    };
    expect(create.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/InformationRequestForm',
    );
  });

  it('says downloads are signed and proxied, never from the object store', () => {
    expect(spec.info.description).toContain('never from the object store');
    expect(spec.info.description).toContain('every download is on record');
  });
});
