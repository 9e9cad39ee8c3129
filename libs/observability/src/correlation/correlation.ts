import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';

const storage = new AsyncLocalStorage<string>();
const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id of the HTTP request or message being handled, propagated to every log line and message. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}

export function runWithCorrelation<T>(correlationId: string, work: () => T): T {
  return storage.run(correlationId, work);
}

/** A caller's id is echoed only when it is a sane token; anything else is replaced, never logged raw. */
export function acceptOrCreateCorrelationId(candidate: unknown): string {
  const value = Array.isArray(candidate) ? candidate[0] : candidate;
  return typeof value === 'string' && VALID_ID.test(value) ? value : randomUUID();
}
