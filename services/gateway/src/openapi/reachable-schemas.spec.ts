import { reachableSchemas } from './reachable-schemas';

describe('reachableSchemas', () => {
  it('keeps schemas referred to from the routes, directly or through others, and drops the rest', () => {
    const schemas = {
      Form: { properties: { agency: { $ref: '#/components/schemas/Agency' } } },
      Agency: { type: 'object' },
      GatewayEnv: { type: 'object' },
      Problem: { type: 'object' },
    };
    const paths = {
      '/v1/x': {
        post: { requestBody: { $ref: '#/components/schemas/Form' } },
        get: { items: [{ $ref: '#/components/schemas/Problem' }] },
      },
    };
    expect(Object.keys(reachableSchemas(paths, schemas)).sort()).toEqual(['Agency', 'Form', 'Problem']);
  });
});
