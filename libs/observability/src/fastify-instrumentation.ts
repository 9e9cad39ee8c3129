import type { FastifyInstance } from 'fastify';
import { CORRELATION_HEADER, runWithCorrelation } from './correlation/correlation';
import { correlationIdOf } from './correlation/request-correlation';
import type { Metrics } from './metrics/metrics';

/**
 * Every response carries x-correlation-id (the caller's, when sane), and everything the request
 * does runs inside that id. Also records the HTTP duration histogram by route template.
 */
export function instrumentFastify(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const id = correlationIdOf(request.raw);
    void reply.header(CORRELATION_HEADER, id);
    runWithCorrelation(id, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
