import request from 'supertest';
import { runInfraScript } from '../../libs/testing/src/infra/infra-script';
import { waitFor, type RunningService } from '@lers/testing';
import { bootAccess } from './backbone-harness';

/**
 * (e) Readiness answers 503 while Kafka or the database is away, and recovers by itself.
 * This file stops and restarts the shared test servers, so it leaves them running when done.
 */
describe('readiness follows the dependencies', () => {
  let access: RunningService<object>;

  beforeAll(async () => {
    access = await bootAccess();
    await waitFor(
      'access to be ready',
      async () => (await request(access.url).get('/health/ready')).status === 200,
    );
  });

  afterAll(async () => {
    runInfraScript('up');
    await access?.close();
  });

  const readiness = async () => request(access.url).get('/health/ready');

  it('is live regardless of dependencies', async () => {
    await request(access.url).get('/health/live').expect(200);
  });

  it('answers 503 while Kafka is stopped and 200 again once it is back', async () => {
    runInfraScript('down', 'kafka');
    const down = await waitFor('readiness to report Kafka down', async () => {
      const response = await readiness();
      return response.status === 503 ? response : undefined;
    });
    expect(down.headers['content-type']).toMatch(/json/);
    expect(JSON.stringify(down.body)).toContain('kafka');

    runInfraScript('up', 'kafka');
    await waitFor(
      'readiness to recover after Kafka returns',
      async () => (await readiness()).status === 200,
      {
        timeoutMs: 90_000,
        intervalMs: 500,
      },
    );
  }, 150_000);

  it('answers 503 while the database is stopped and 200 again once it is back', async () => {
    runInfraScript('down', 'ferretdb');
    const down = await waitFor('readiness to report the database down', async () => {
      const response = await readiness();
      return response.status === 503 ? response : undefined;
    });
    expect(JSON.stringify(down.body)).toContain('mongodb');

    runInfraScript('up', 'ferretdb');
    await waitFor(
      'readiness to recover after the database returns',
      async () => (await readiness()).status === 200,
      {
        timeoutMs: 60_000,
        intervalMs: 500,
      },
    );
  }, 120_000);
});
