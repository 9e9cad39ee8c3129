import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  AccountStatusChangedV1,
  EVENT_CATALOG,
  EVENT_TOPICS,
  EventEnvelope,
  SessionEndedV1,
  validateAs,
} from '@lers/contracts';
import {
  consumerConfig,
  groupIdOf,
  KafkaConnection,
  MESSAGING_OPTIONS,
  ReplyConsumerState,
  type MessagingOptions,
} from '@lers/messaging';
import { GatewayEnv } from '../gateway.config';
import { SessionView } from './session-view';

const WATCHED = ['access.session.ended', 'access.account.suspended'] as const;
type Watched = (typeof WATCHED)[number];

/**
 * Feeds the session view with access's events. Every gateway process must see every event, so
 * each has a consumer group of its own (deleted on shutdown), reading from the latest offset: the
 * view starts empty and missed history does not matter. The view is used only while this
 * consumer holds the topic's partitions and has fetched since joining; a rebalance, crash, stop
 * or disconnect empties it and sends every call to access until the consumer is back.
 */
@Injectable()
export class SessionEventStream implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionEventStream.name);
  private readonly state = new ReplyConsumerState([EVENT_TOPICS.accessEvents]);
  readonly groupId: string;
  private consumer?: Consumer;
  private starting?: Promise<void>;

  constructor(
    @Inject(GatewayEnv) private readonly config: GatewayEnv,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly kafka: KafkaConnection,
    private readonly view: SessionView,
  ) {
    this.groupId = `${groupIdOf(options)}-sessions-${hostname()}-${randomUUID().slice(0, 8)}`;
  }

  /** Why the view is bypassed now (every call asks access); undefined when it is in use. */
  whyBypassed(): string | undefined {
    return this.config.SESSION_VIEW_TTL_MS === 0 ? 'SESSION_VIEW_TTL_MS is 0' : this.state.whyNotReceiving();
  }

  onApplicationBootstrap(): void {
    if (this.config.SESSION_VIEW_TTL_MS === 0) return;
    // Not awaited: the gateway serves at once, asking access for every call until the stream runs.
    this.starting = this.start().catch((error) =>
      this.logger.error({ err: error }, 'session event stream did not start; every call asks access'),
    );
  }

  /** Stops consuming (shutdown): the view is bypassed from the STOP event on. */
  async stop(): Promise<void> {
    await this.starting;
    await this.consumer?.disconnect();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.consumer) return;
    await this.stop();
    const admin = this.kafka.kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([this.groupId]);
    } catch (error) {
      this.logger.warn(
        { err: error, groupId: this.groupId },
        'session view group not deleted; Kafka expires it',
      );
    } finally {
      await admin.disconnect();
    }
  }

  private async start(): Promise<void> {
    await this.kafka.connect();
    const consumer = this.kafka.kafka.consumer(consumerConfig(this.options, this.groupId));
    this.consumer = consumer;
    const { events } = consumer;
    consumer.on(events.GROUP_JOIN, ({ payload }) =>
      this.apply(() => this.state.joined(payload.memberAssignment)),
    );
    consumer.on(events.FETCH, () => this.apply(() => this.state.fetched()));
    consumer.on(events.REBALANCING, () => this.apply(() => this.state.lost('rebalancing')));
    consumer.on(events.CRASH, ({ payload }) =>
      this.apply(() =>
        this.state.lost(`crashed (${payload.error.message})${payload.restart ? '; restarting' : ''}`),
      ),
    );
    consumer.on(events.STOP, () => this.apply(() => this.state.lost('stopped')));
    consumer.on(events.DISCONNECT, () => this.apply(() => this.state.lost('disconnected')));
    await consumer.connect();
    await consumer.subscribe({ topics: [EVENT_TOPICS.accessEvents], fromBeginning: false });
    await consumer.run({ eachMessage: async ({ message }) => this.consume(message) });
  }

  private apply(change: () => void): void {
    change();
    if (this.state.whyNotReceiving() === undefined) this.view.cache.streamStarted();
    else this.view.cache.streamStopped();
  }

  /** Other event types are not the view's business; a malformed one is logged and skipped. */
  private consume(message: KafkaMessage): void {
    const event = parseWatched(message.value);
    if (event === undefined) return;
    if ('invalid' in event) {
      this.logger.warn({ offset: message.offset, reason: event.invalid }, 'session event skipped');
      return;
    }
    const now = Date.now();
    if (event.type === 'access.session.ended') this.view.cache.sessionEnded(event.sessionId, now);
    else this.view.cache.accountSuspended(event.accountId, now);
  }
}

type ParsedEvent =
  | { type: 'access.session.ended'; sessionId: string }
  | { type: 'access.account.suspended'; accountId: string }
  | { invalid: string };

function parseWatched(value: Buffer | null): ParsedEvent | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(value?.toString() ?? '');
  } catch {
    return { invalid: 'not JSON' };
  }
  const envelope = validateAs(EventEnvelope, raw);
  if (!envelope.ok) return { invalid: 'invalid envelope' };
  const { type, version, payload } = envelope.value;
  if (!(WATCHED as readonly string[]).includes(type)) return undefined;
  if (version !== EVENT_CATALOG[type as Watched].version) return { invalid: `unsupported ${type} version` };
  if (type === 'access.session.ended') {
    const ended = validateAs(SessionEndedV1, payload);
    return ended.ok ? { type, sessionId: ended.value.sessionId } : { invalid: `invalid ${type} payload` };
  }
  const suspended = validateAs(AccountStatusChangedV1, payload);
  return suspended.ok
    ? { type: 'access.account.suspended', accountId: suspended.value.accountId }
    : { invalid: `invalid ${type} payload` };
}
