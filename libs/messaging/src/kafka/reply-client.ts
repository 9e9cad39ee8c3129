import { ClientKafka } from '@nestjs/microservices';
import { randomInt, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { BehaviorSubject, filter, firstValueFrom, timeout } from 'rxjs';
import { COMMAND_TOPICS, replyTopicOf } from '@lers/contracts';
import { groupIdOf, type MessagingOptions } from '../messaging-options';
import { consumerConfig, IDEMPOTENT_PRODUCER, kafkaClientConfig } from './client-config';
import { homePartitionAssigner } from './home-partition-assigner';
import { ReplyConsumerState } from './reply-consumer-state';

type KafkaClientOptions = ConstructorParameters<typeof ClientKafka>[0];

/**
 * Nest's Kafka client for request–reply, made to work with any number of gateway replicas.
 *
 * Nest tells the service to answer on a reply partition assigned to the asking instance
 * (header kafka_replyPartition) and matches the reply by correlation id. With one group shared by
 * all replicas, a replica beyond the partition count gets no reply partition and cannot call.
 * So each process has a consumer group of its own (one member) and reads one home partition of
 * every reply topic, chosen at random: replicas sharing a home partition each read the other's
 * replies, which Nest drops without a word (no callback for that correlation id). Each instance
 * thus reads about 1/partitions of the reply traffic, not all of it.
 *
 * A new group starts at the latest offset (never replays old replies). Offsets are committed so a
 * rebalance of the instance's own group (session lost, coordinator moved) resumes where it was
 * and in-flight replies are not skipped. On close the group is deleted; a crashed instance's empty
 * group is expired by Kafka after offsets.retention.minutes (7 days by default).
 */
export class ReplyClient extends ClientKafka {
  private readonly state: ReplyConsumerState;
  private readonly whyNot$ = new BehaviorSubject<string | undefined>('not started');

  constructor(
    options: KafkaClientOptions,
    readonly consumerGroupId: string,
    replyTopics: readonly string[],
  ) {
    super(options);
    this.state = new ReplyConsumerState(replyTopics);
  }

  /** Why replies cannot be heard now (not assigned, rebalancing, crashed…); undefined when they can. */
  whyNotReceiving(): string | undefined {
    return this.whyNot$.value;
  }

  whenReceiving(timeoutMs: number): Promise<unknown> {
    return firstValueFrom(
      this.whyNot$.pipe(
        filter((why) => why === undefined),
        timeout({
          first: timeoutMs,
          with: () => {
            throw new Error(`reply consumer not receiving after ${timeoutMs} ms: ${this.whyNotReceiving()}`);
          },
        }),
      ),
    );
  }

  protected override registerConsumerEventListeners(): void {
    super.registerConsumerEventListeners();
    const consumer = this._consumer;
    if (!consumer) return;
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
  }

  private apply(event: () => void): void {
    event();
    const why = this.state.whyNotReceiving();
    if (why !== this.whyNot$.value) this.whyNot$.next(why);
  }

  /** Leaves and deletes this instance's group: nobody will ever read it again. */
  override async close(): Promise<void> {
    const kafka = this.client;
    await super.close();
    if (!kafka) return;
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([this.consumerGroupId]);
    } catch (error) {
      this.logger.warn(
        { err: error, groupId: this.consumerGroupId },
        'reply group not deleted; Kafka expires it',
      );
    } finally {
      await admin.disconnect();
    }
  }
}

/** The gateway's command client: a reply group of its own, reading its home reply partitions. */
export function createReplyClient(options: MessagingOptions): ReplyClient {
  const groupId = `${groupIdOf(options)}-${hostname()}-${randomUUID().slice(0, 8)}`;
  const replyTopics = Object.values(COMMAND_TOPICS).map(replyTopicOf);
  const client = new ReplyClient(
    {
      client: kafkaClientConfig(options, `lers-${options.service}`),
      consumer: {
        ...consumerConfig(options, groupId),
        partitionAssigners: [homePartitionAssigner(randomInt(1 << 30))],
      },
      subscribe: { fromBeginning: false },
      producer: IDEMPOTENT_PRODUCER,
      postfixId: '',
    },
    groupId,
    replyTopics,
  );
  Object.values(COMMAND_TOPICS).forEach((topic) => client.subscribeToResponseOf(topic));
  return client;
}
