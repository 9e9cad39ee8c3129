import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { KafkaConnection } from '../kafka/kafka-connection';
import type { ReplyClient } from '../kafka/reply-client';
import { randomUUID } from 'node:crypto';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import {
  Problem,
  type Actor,
  type CommandMessage,
  type CommandReply,
  type CommandSpec,
} from '@lers/contracts';
import { currentCorrelationId } from '@lers/observability';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';

export const COMMAND_CLIENT = Symbol('COMMAND_CLIENT');

const FIRST_FETCH_TIMEOUT_MS = 30_000;

/**
 * The gateway side of request–reply over Kafka. Nest's `send` has no timeout of its own, so every
 * call gets one: a service that does not answer in time is a 504, a broker that is away — or a
 * reply consumer that cannot hear the answer now — a 503.
 */
@Injectable()
export class CommandBus implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(COMMAND_CLIENT) private readonly client: ReplyClient,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly kafka: KafkaConnection,
  ) {}

  /**
   * Reply topics must exist (auto-creation is off) and the reply consumer must be assigned and
   * have fetched before the first send, or replies go unheard (nestjs/nest#6197).
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.kafka.connect();
    await this.client.connect();
    await this.client.whenReceiving(FIRST_FETCH_TIMEOUT_MS);
  }

  /** Throws, with the reason, while this instance could not hear the replies to its calls. */
  assertReceivingReplies(): void {
    const why = this.client.whyNotReceiving();
    if (why) throw new Error(`reply consumer not receiving: ${why}`);
  }

  async send<Request extends object, Reply>(
    spec: CommandSpec<Request, Reply>,
    payload: Request,
    actor: Actor,
    idempotencyKey?: string,
  ): Promise<Reply> {
    return (await this.call(spec, payload, actor, idempotencyKey)).result;
  }

  /** As `send`, also telling whether the answer is one remembered for an earlier copy (Idempotency-Key). */
  async call<Request extends object, Reply>(
    spec: CommandSpec<Request, Reply>,
    payload: Request,
    actor: Actor,
    idempotencyKey?: string,
  ): Promise<{ result: Reply; replayed: boolean }> {
    // Fail at once rather than time out waiting for a reply nobody would read.
    if (this.client.whyNotReceiving()) throw upstreamUnavailable();
    const message: CommandMessage<Request> = {
      id: randomUUID(),
      correlationId: currentCorrelationId() ?? randomUUID(),
      actor,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      deadline: new Date(Date.now() + this.options.replyTimeoutMs).toISOString(),
      payload,
    };
    let reply: CommandReply<Reply>;
    try {
      reply = await firstValueFrom(
        this.client.send<CommandReply<Reply>>(spec.topic, message).pipe(timeout(this.options.replyTimeoutMs)),
      );
    } catch (error) {
      if (error instanceof TimeoutError) {
        throw new Problem(504, 'upstream_timeout', 'A LERS service did not answer in time; please retry.');
      }
      throw upstreamUnavailable();
    }
    if (!reply.ok) throw Problem.fromDetails(reply.problem);
    return { result: reply.result, replayed: reply.replayed === true };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

const upstreamUnavailable = () =>
  new Problem(503, 'service_unavailable', 'A LERS service is unavailable; please retry later.');
