import type { CommandTopic } from '../topics';

export interface CommandOptions<Request> {
  /** A query that changes nothing: no Idempotency-Key bookkeeping. */
  readOnly?: boolean;
  /**
   * What identifies "the same request" for Idempotency-Key, when the payload carries values that
   * differ on every retry (e.g. the object keys of documents uploaded again): defaults to the payload.
   */
  fingerprint?: (request: Request) => unknown;
}

/** Binds a command topic to its request class and reply type, so callers and handlers agree at compile time. */
export interface CommandSpec<Request extends object, Reply> {
  readonly topic: CommandTopic;
  readonly request: new () => Request;
  readonly options: CommandOptions<Request>;
  /** Type-level only: never set. */
  readonly reply?: Reply;
}

export function defineCommand<Request extends object, Reply>(
  topic: CommandTopic,
  request: new () => Request,
  options: CommandOptions<Request> = {},
): CommandSpec<Request, Reply> {
  return { topic, request, options };
}

export type RequestOf<Spec> = Spec extends CommandSpec<infer R, unknown> ? R : never;
export type ReplyOf<Spec> = Spec extends CommandSpec<object, infer R> ? R : never;
