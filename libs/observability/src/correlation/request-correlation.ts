import type { IncomingMessage } from 'node:http';
import { acceptOrCreateCorrelationId, CORRELATION_HEADER } from './correlation';

const ASSIGNED = Symbol('lers.correlationId');
type Tagged = IncomingMessage & { [ASSIGNED]?: string };

/** One id per HTTP request, whichever of the logger or the middleware asks first. */
export function correlationIdOf(request: IncomingMessage): string {
  const tagged = request as Tagged;
  tagged[ASSIGNED] ??= acceptOrCreateCorrelationId(request.headers[CORRELATION_HEADER]);
  return tagged[ASSIGNED];
}
