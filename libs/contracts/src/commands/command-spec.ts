import type { CommandTopic } from '../topics';

/** Binds a command topic to its request class and reply type, so callers and handlers agree at compile time. */
export interface CommandSpec<Request extends object, Reply> {
  readonly topic: CommandTopic;
  readonly request: new () => Request;
  /** Type-level only: never set. */
  readonly reply?: Reply;
}

export function defineCommand<Request extends object, Reply>(
  topic: CommandTopic,
  request: new () => Request,
): CommandSpec<Request, Reply> {
  return { topic, request };
}

export type RequestOf<Spec> = Spec extends CommandSpec<infer R, unknown> ? R : never;
export type ReplyOf<Spec> = Spec extends CommandSpec<object, infer R> ? R : never;
