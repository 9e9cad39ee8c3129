import type { FastifyInstance } from 'fastify';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/v1/requests/:id/documents` → a pattern matching one concrete path of that route. */
function pathPattern(url: string): RegExp {
  const pattern = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : escape(segment)))
    .join('/');
  return new RegExp(`^${pattern}/?$`);
}

/**
 * A known path asked with a method it does not have (TRACE included) is 405 with `Allow`, not 404
 * (RFC 9110); unknown paths stay 404. Must be installed before the routes are registered.
 */
export function answerMethodNotAllowed(fastify: FastifyInstance): void {
  const routes: { method: string; pattern: RegExp }[] = [];
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, pattern: pathPattern(route.url) });
  });
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== undefined) return;
    const path = request.url.split('?')[0];
    const allowed = [
      ...new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method)),
    ];
    if (!allowed.length) return;
    return reply
      .status(405)
      .header('allow', allowed.join(', '))
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send({
        type: 'https://lers.dev/problems/method_not_allowed',
        status: 405,
        code: 'method_not_allowed',
        title: 'Method Not Allowed',
        detail: `${request.method} is not allowed here; use ${allowed.join(', ')}.`,
        instance: request.url,
      });
  });
}
