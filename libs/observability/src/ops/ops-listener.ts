import type { INestApplication } from '@nestjs/common';
import Fastify, { type FastifyInstance } from 'fastify';
import { Readiness } from '../health/readiness';
import { Metrics } from '../metrics/metrics';

const listeners = new WeakMap<INestApplication, FastifyInstance>();

/**
 * The operations listener: `/metrics` (Prometheus) and `/health/live|ready` with the dependencies'
 * own messages. It runs on OPS_PORT beside the service's listener, for probes and the scraper
 * only, so nothing on the public network learns the service's internals.
 */
export async function startOpsListener(
  app: INestApplication,
  options: { host: string; port: number },
): Promise<FastifyInstance> {
  const metrics = app.get(Metrics);
  const readiness = app.get(Readiness);
  const ops = Fastify({ logger: false });
  ops.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  ops.get('/health/live', async () => ({ status: 'ok' }));
  ops.get('/health/ready', async (_request, reply) => {
    const { ready, body } = await readiness.report();
    return reply.status(ready ? 200 : 503).send(body);
  });
  await ops.listen({ host: options.host, port: options.port });
  listeners.set(app, ops);
  return ops;
}

/** The operations listener's base URL (tests; the port may have been chosen by the system). */
export function opsUrlOf(app: INestApplication): string {
  const ops = listeners.get(app);
  const address = ops?.server.address();
  if (!ops || !address || typeof address !== 'object') throw new Error('no operations listener');
  return `http://127.0.0.1:${address.port}`;
}
