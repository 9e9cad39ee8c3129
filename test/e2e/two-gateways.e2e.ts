import request from 'supertest';
import { accessApplicationForm, samplePdf, type RunningService } from '@lers/testing';
import { bootAccess, bootGateway } from './backbone-harness';

/**
 * Request–reply with several gateway replicas: each reply must reach the replica that asked
 * (Nest assigns reply partitions per instance; nestjs/nest PR #5654).
 */
describe('two gateway replicas', () => {
  let access: RunningService<object>;
  const gateways: RunningService<object>[] = [];

  beforeAll(async () => {
    access = await bootAccess();
    gateways.push(await bootGateway(), await bootGateway());
  });

  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await access?.close();
  });

  it('answers every call on the replica that made it, with its own result', async () => {
    const calls = Array.from({ length: 12 }, (_, index) => {
      const gateway = gateways[index % 2];
      const form = accessApplicationForm();
      return request(gateway.url)
        .post('/v1/access-applications')
        .set('x-correlation-id', `replica-${index}`)
        .field('application', JSON.stringify(form))
        .attach('proofOfAuthority', samplePdf(), 'proof.pdf')
        .then((response) => ({ index, response }));
    });
    const results = await Promise.all(calls);
    for (const { index, response } of results) {
      expect(response.status).toBe(201);
      expect(response.headers['x-correlation-id']).toBe(`replica-${index}`);
    }
    expect(new Set(results.map(({ response }) => response.body.id)).size).toBe(12);
  });
});
