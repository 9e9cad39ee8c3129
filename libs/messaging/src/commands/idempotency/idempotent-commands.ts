import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  Problem,
  type Actor,
  type CommandMessage,
  type CommandReply,
  type CommandSpec,
} from '@lers/contracts';
import { isDuplicateKey } from '@lers/persistence';
import { IDEMPOTENCY_RECORD_MODEL, type IdempotencyRecord } from './idempotency-record.schema';
import {
  idempotencyRecordId,
  identifyRequest,
  openReply,
  sealReply,
  type RequestIdentity,
} from './request-fingerprint';

/** How long a key is remembered: a retry later than this runs as a new request. */
export const IDEMPOTENCY_WINDOW_DAYS = 1;
/** An attempt still running this long after its caller's deadline is taken for dead. */
const LEASE_GRACE_MS = 30_000;

type Start =
  { kind: 'run' } | { kind: 'replay'; reply: CommandReply<unknown> } | { kind: 'reused' | 'in_use' };

/** Whose key it is: keys of different actors never meet. */
export const actorScope = (actor: Pick<Actor, 'kind' | 'id'>) => `${actor.kind}:${actor.id ?? '-'}`;

export interface KeyedOperation {
  actorScope: string;
  key: string;
  /** The command topic or route: the same key on another operation is another request. */
  operation: string;
  /** What makes two requests the same. */
  request: unknown;
  /** When the caller stops waiting. */
  deadline: Date;
}

/**
 * Idempotency-Key for commands that change something: per actor, the same key and the same
 * request give back the first reply and change nothing more; the same key with another request
 * is 422 idempotency_key_reused; a second copy arriving while the first runs is 409.
 * Results and client errors are remembered; server errors are not, so the client may retry.
 */
@Injectable()
export class IdempotentCommands {
  constructor(@InjectModel(IDEMPOTENCY_RECORD_MODEL) private readonly records: Model<IdempotencyRecord>) {}

  /** A command from the gateway, keyed by the actor it carries. */
  runCommand<Request extends object, Reply>(
    spec: CommandSpec<Request, Reply>,
    command: CommandMessage<Request> & { idempotencyKey: string },
    execute: () => Promise<CommandReply<Reply>>,
  ): Promise<CommandReply<Reply>> {
    return this.run(
      {
        actorScope: actorScope(command.actor),
        key: command.idempotencyKey,
        operation: spec.topic,
        request: spec.options.fingerprint?.(command.payload) ?? command.payload,
        deadline: new Date(command.deadline),
      },
      execute,
    );
  }

  /** Any keyed operation: a command, or an HTTP call on an internal route. */
  async run<Reply>(
    operation: KeyedOperation,
    execute: () => Promise<CommandReply<Reply>>,
  ): Promise<CommandReply<Reply>> {
    const identity = identifyRequest({ command: operation.operation, request: operation.request });
    const id = idempotencyRecordId(operation.actorScope, operation.key);
    const leaseUntil = new Date(Math.max(operation.deadline.getTime(), Date.now()) + LEASE_GRACE_MS);

    const start = await this.start(id, operation.operation, identity, leaseUntil);
    if (start.kind === 'replay') return { ...(start.reply as CommandReply<Reply>), replayed: true };
    if (start.kind === 'reused') return refuse(keyReused());
    if (start.kind === 'in_use') return refuse(keyInUse());

    const reply = await execute().catch(async (error: unknown) => {
      await this.forget(id);
      throw error;
    });
    if (worthRemembering(reply)) await this.complete(id, reply, identity);
    else await this.forget(id);
    return reply;
  }

  private async start(
    id: string,
    command: string,
    identity: RequestIdentity,
    leaseUntil: Date,
    now = new Date(),
  ): Promise<Start> {
    try {
      await this.records.create({
        _id: id,
        command,
        fingerprint: identity.fingerprint,
        status: 'in_progress',
        leaseUntil,
        reply: null,
        createdAt: now,
      });
      return { kind: 'run' };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const existing = await this.records.findById(id).lean<IdempotencyRecord>();
    if (!existing) return this.start(id, command, identity, leaseUntil); // pruned meanwhile
    if (existing.fingerprint !== identity.fingerprint) return { kind: 'reused' };
    if (existing.status === 'done') {
      const reply = existing.reply && openReply<CommandReply<unknown>>(existing.reply, identity.replyKey);
      return reply ? { kind: 'replay', reply } : { kind: 'reused' };
    }
    if (existing.leaseUntil && existing.leaseUntil > now) return { kind: 'in_use' };
    // The earlier attempt died before finishing: take its place, one taker only.
    const taken = await this.records.findOneAndUpdate(
      { _id: id, status: 'in_progress', leaseUntil: existing.leaseUntil },
      { $set: { leaseUntil } },
    );
    return taken ? { kind: 'run' } : { kind: 'in_use' };
  }

  /** Lets a retry run again: the attempt ended without a result worth keeping. */
  private async forget(id: string): Promise<void> {
    await this.records.deleteOne({ _id: id, status: 'in_progress' });
  }

  private async complete(id: string, reply: CommandReply<unknown>, identity: RequestIdentity) {
    await this.records.updateOne(
      { _id: id, status: 'in_progress' },
      { $set: { status: 'done', reply: sealReply(reply, identity.replyKey), leaseUntil: null } },
    );
  }

  /** Forgets keys made before `cutoff` (the pruning job passes now − the window). */
  async forgetOlderThan(cutoff: Date): Promise<number> {
    const result = await this.records.deleteMany({ createdAt: { $lt: cutoff } });
    return result.deletedCount;
  }
}

/** Results and refusals are final; a server error, a timeout or a rate limit may be retried. */
function worthRemembering(reply: CommandReply<unknown>): boolean {
  if (reply.ok) return true;
  const { status } = reply.problem;
  return status < 500 && status !== 429 && status !== 408;
}

const refuse = (problem: Problem): CommandReply<never> => ({ ok: false, problem: problem.toDetails() });

const keyReused = () =>
  new Problem(
    422,
    'idempotency_key_reused',
    'This Idempotency-Key was already used with a different request; use a new key for a new request.',
    [{ field: 'Idempotency-Key', message: 'already used with a different request' }],
  );

const keyInUse = () =>
  new Problem(
    409,
    'idempotency_key_in_use',
    'A request with this Idempotency-Key is still being processed; retry in a moment.',
  );
