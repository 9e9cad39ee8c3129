import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { EachBatchPayload, ProducerRecord } from 'kafkajs';
import { EVENT_TOPICS, type SubmitAccessApplication } from '@lers/contracts';
import { EventInbox, KafkaConnection, KafkaReadiness, LersKafkaServer, OutboxRelay } from '@lers/messaging';
import { GovernmentDomains } from '../../services/access/src/agencies/government-domains';
import {
  accessApplicationForm,
  bootService,
  openTestDatabase,
  waitFor,
  type RunningService,
} from '@lers/testing';
import { AccessEnv } from '../../services/access/src/access.config';
import { startAccess } from '../../services/access/src/access.app';
import { SubmitAccessApplicationUseCase } from '../../services/access/src/applications/use-cases/submit-access-application';
import { NotificationEnv } from '../../services/notification/src/notification.config';
import { startNotification } from '../../services/notification/src/notification.app';
import { EmailOutbox } from '../../services/notification/src/email/email-outbox';
import { sampleEvent } from './raw-kafka';
import {
  Arrivals,
  measureLatency,
  measureThroughput,
  round,
  summarize,
  withTimeout,
  type BenchSettings,
  type LatencySummary,
  type ThroughputSummary,
} from './stats';

/** When each step of one event's hop happened (performance.now(), one process, one clock). */
interface Timeline {
  eventId?: string;
  /** The use case is called. */
  call?: number;
  /** It has read the staff-maintained government domain list (a find). */
  domainsRead?: number;
  /** State and outbox event written in one insert; the writer hands the document to the relay. */
  handedOver?: number;
  /** The use case returned. */
  written?: number;
  /** The relay calls producer.send() for the event… */
  sendStart?: number;
  /** …and the broker acknowledged it (acks=all). */
  acked?: number;
  /** The relay cleared the document's outbox (after the ack). */
  cleared?: number;
  /** notification's Kafka server starts on the batch holding the message. */
  batchEntered?: number;
  /** notification's Kafka handler hands the message to EventInbox.consume(). */
  consumeStart?: number;
  /** The inbox validated it; the handler starts. */
  handlerStart?: number;
  /** The handler's own write: the outgoing e-mail record is stored. END of the measured hop. */
  emailWritten?: number;
  /** The inbox recorded the event as done in its ledger. */
  consumeDone?: number;
}
type Mark = Exclude<keyof Timeline, 'eventId'>;

/** The hop's critical path, in order: these segments add up to the measured latency. */
const CRITICAL_PATH: [string, Mark, Mark][] = [
  ['access: read the government domain list (find)', 'call', 'domainsRead'],
  ['access: checks + insert state & outbox (create)', 'domainsRead', 'handedOver'],
  ['relay: hand-over → send()', 'handedOver', 'sendStart'],
  ['Kafka: send() → consumer batch', 'sendStart', 'batchEntered'],
  ['consumer: batch → EventInbox.consume', 'batchEntered', 'consumeStart'],
  ['inbox: validate (the e-mail id is the claim)', 'consumeStart', 'handlerStart'],
  ['consumer write: outgoing_emails insert', 'handlerStart', 'emailWritten'],
];
/** Work that happens beside or after the critical path. */
const SIDE_STEPS: [string, Mark, Mark][] = [
  ['(access) hand-over → use case returns', 'handedOver', 'written'],
  ['(relay) send() → acked, acks=all', 'sendStart', 'acked'],
  ['(relay) acked → outbox cleared (bulk update)', 'acked', 'cleared'],
  ['(inbox) e-mail stored → ledger done (batched insert)', 'emailWritten', 'consumeDone'],
];

export interface SegmentSummary {
  step: string;
  mean: number;
  p50: number;
  p99: number;
  /** Share of the mean total (critical-path steps only). */
  share?: number;
}

export interface BackboneHopResult {
  latency: LatencySummary;
  throughput: ThroughputSummary;
  /**
   * The hop's two domain writes redone with the raw driver: the same documents into the same
   * collections (their indexes), services idle. Separates the database's share of a step from
   * the code around it.
   */
  rawSameDocument: { accessApplicationInsert: LatencySummary; outgoingEmailInsert: LatencySummary };
  breakdown: {
    oneInFlight: { criticalPath: SegmentSummary[]; sideSteps: SegmentSummary[] };
    throughputRun: { criticalPath: SegmentSummary[]; sideSteps: SegmentSummary[] };
  };
  correctness: {
    submitted: number;
    emailRecords: number;
    ledgerDone: number;
    outboxStillPending: number;
    /** Deliveries to EventInbox beyond the first per event (at-least-once; the ledger skips them). */
    redeliveredToConsumer: number;
    /** The handler ran again for an event whose e-mail was already stored (the insert is a no-op). */
    handlerRanAgain: number;
    /** Events on the topic that this run did not submit (another process using the test Kafka). */
    foreignEventsSeen: number;
  };
}

/**
 * (c) The backbone's own hop, on the real services in-process: access's use case writes an
 * application and its `access.application.submitted` event in one insert (OutboxWriter), the
 * OutboxRelay publishes it, notification's EventInbox applies it once and its handler stores the
 * outgoing e-mail. A sample is use case called → that e-mail record written.
 *
 * Where the time goes is observed by wrapping, on the running instances, the calls the code
 * makes (GovernmentDomains.all, the relay's hand-over and bulk clear, producer.sendBatch, the Kafka
 * server's batch, EventInbox.consume, EmailOutbox.queue): the code itself runs unchanged.
 */
export async function benchBackboneHop(
  settings: BenchSettings,
  step: (text: string) => void = () => undefined,
): Promise<BackboneHopResult> {
  let notification: RunningService<NotificationEnv> | undefined;
  let access: RunningService<AccessEnv> | undefined;
  let accessDb: Connection | undefined;
  let notificationDb: Connection | undefined;
  try {
    notification = await bootService('notification', NotificationEnv, startNotification);
    access = await bootService('access', AccessEnv, startAccess);
    accessDb = await openTestDatabase(access.config.MONGO_DB);
    notificationDb = await openTestDatabase(notification.config.MONGO_DB);
    for (const service of [access, notification]) {
      const readiness = service.app.get(KafkaReadiness);
      await waitFor('the service to consume', () => readiness.check().then(() => true), {
        timeoutMs: 30_000,
        intervalMs: 20,
      });
    }

    const timelines = new Map<string, Timeline>();
    const timeline = (key: string) => {
      let found = timelines.get(key);
      if (!found) timelines.set(key, (found = {}));
      return found;
    };
    const mark = (key: string, step: Mark, at = performance.now()) => {
      timeline(key)[step] ??= at;
    };
    const ours = new Set<string>();
    const stored = new Arrivals();
    let consumed = 0;
    instrument(access, notification, {
      onSend: (record, at) => {
        if (record.topic !== EVENT_TOPICS.accessEvents) return;
        for (const message of record.messages) {
          const key = String(message.key);
          mark(key, 'sendStart', at);
          timeline(key).eventId ??= String(message.headers?.['x-event-id']);
        }
      },
      onAcked: (record, at) => {
        if (record.topic !== EVENT_TOPICS.accessEvents) return;
        for (const message of record.messages) mark(String(message.key), 'acked', at);
      },
      onHandedOver: (key, call, at) => {
        timeline(key).domainsRead ??= call.domainsRead;
        mark(key, 'handedOver', at);
      },
      onCleared: (key, at) => mark(key, 'cleared', at),
      onBatch: (keys, at) => keys.forEach((key) => mark(key, 'batchEntered', at)),
      onConsume: (key, at) => {
        consumed += 1;
        mark(key, 'consumeStart', at);
      },
      onConsumed: (key, at) => mark(key, 'consumeDone', at),
      onHandler: (key, at) => mark(key, 'handlerStart', at),
      onStored: (key, at) => {
        mark(key, 'emailWritten', at);
        stored.arrive(key, at);
      },
    });

    const submit = access.app.get(SubmitAccessApplicationUseCase);
    const submitOne = async (phase: string[]): Promise<number> => {
      const started = performance.now();
      const { id } = await useCaseCall.run({ call: started }, () => submit.execute(applicationForm()));
      ours.add(id);
      phase.push(id);
      timeline(id).call = started;
      mark(id, 'written');
      return (await stored.wait(id, 30_000)) - started;
    };

    const warmupIds: string[] = [];
    const latencyIds: string[] = [];
    const throughputIds: string[] = [];
    await measureLatency(0, settings.warmup, () => submitOne(warmupIds), settings.pauseMs);
    const latencies = await measureLatency(
      0,
      settings.samples,
      () => submitOne(latencyIds),
      settings.pauseMs,
    );
    step('(c) throughput…');
    const throughput = await measureThroughput(settings.throughputEvents, settings.inFlight, async () => {
      await submitOne(throughputIds);
    });
    step('(c) throughput done; checking what was stored…');

    // Correctness, not speed: every event applied exactly once, every outbox cleared.
    const applications = accessDb.collection('access_applications');
    let outboxStillPending = 0;
    // Polled with a query FerretDB answers from PostgreSQL (a countDocuments is an aggregation it
    // runs over every document, which would slow the very clearing it waits for), counted once after.
    await waitFor(
      'every outbox to be cleared',
      async () => (await applications.findOne({ outboxPending: true }, { projection: { _id: 1 } })) === null,
      { timeoutMs: 30_000, intervalMs: 250 },
    ).catch(() => undefined);
    outboxStillPending = await applications.countDocuments({ outboxPending: true });
    await waitFor('the ledger to record the last events done', () =>
      [...ours].every((id) => timeline(id).consumeDone !== undefined),
    ).catch(() => undefined);
    const eventIds = [...ours].map((id) => timeline(id).eventId ?? `missing-${id}`);
    const group = notification.config.KAFKA_GROUP_ID;
    const emailRecords = await countIds(
      notificationDb.collection('outgoing_emails'),
      eventIds.map((id) => `${id}:email-verification`),
    );
    const ledgerDone = await countIds(
      notificationDb.collection('processed_events'),
      eventIds.map((id) => `${group}:${id}`),
      { status: 'done' },
    );
    const seenKeys = [...timelines.keys()].filter((key) => timelines.get(key)?.consumeStart !== undefined);
    const foreign = seenKeys.filter((key) => !ours.has(key)).length;

    const rawSameDocument = {
      accessApplicationInsert: await rawInsertLike(
        applications,
        { _id: latencyIds[0] },
        // As the use case writes it, with its event, but not pending, so the relay leaves it alone.
        (document) => ({ ...document, outbox: [sampleEvent()], outboxPending: false }),
        settings,
      ),
      outgoingEmailInsert: await rawInsertLike(
        notificationDb.collection('outgoing_emails'),
        { _id: `${timeline(latencyIds[0]).eventId}:email-verification` },
        // Already sent, so the dispatcher leaves the copies alone.
        (document) => ({ ...document, status: 'sent' }),
        settings,
      ),
    };

    const breakdown = (ids: string[]) => ({
      criticalPath: segments(ids, timelines, CRITICAL_PATH, true),
      sideSteps: segments(ids, timelines, SIDE_STEPS, false),
    });
    return {
      latency: summarize(latencies),
      throughput,
      rawSameDocument,
      breakdown: { oneInFlight: breakdown(latencyIds), throughputRun: breakdown(throughputIds) },
      correctness: {
        submitted: ours.size,
        emailRecords,
        ledgerDone,
        outboxStillPending,
        redeliveredToConsumer: consumed - seenKeys.length,
        handlerRanAgain: stored.duplicates,
        foreignEventsSeen: foreign,
      },
    };
  } finally {
    await access?.close();
    await notification?.close();
    await accessDb?.dropDatabase().catch(() => undefined);
    await notificationDb?.dropDatabase().catch(() => undefined);
    await accessDb?.close();
    await notificationDb?.close();
  }
}

/** The use case call under way, across its awaits (many run at once in the throughput phase). */
interface UseCaseCall {
  call: number;
  domainsRead?: number;
}
const useCaseCall = new AsyncLocalStorage<UseCaseCall>();

interface Hooks {
  onSend(record: ProducerRecord, at: number): void;
  onAcked(record: ProducerRecord, at: number): void;
  onHandedOver(key: string, call: UseCaseCall, at: number): void;
  onCleared(key: string, at: number): void;
  onBatch(keys: string[], at: number): void;
  onConsume(key: string, at: number): void;
  onConsumed(key: string, at: number): void;
  onHandler(key: string, at: number): void;
  onStored(key: string, at: number): void;
}

/** Observes the library's calls on the running instances; every call still goes to the original. */
function instrument(
  access: RunningService<AccessEnv>,
  notification: RunningService<NotificationEnv>,
  hooks: Hooks,
) {
  const producer = access.app.get(KafkaConnection).producer;
  const sendBatch = producer.sendBatch.bind(producer);
  producer.sendBatch = async (batch) => {
    const records = (batch.topicMessages ?? []) as ProducerRecord[];
    records.forEach((record) => hooks.onSend(record, performance.now()));
    const result = await sendBatch(batch);
    records.forEach((record) => hooks.onAcked(record, performance.now()));
    return result;
  };

  const domains = access.app.get(GovernmentDomains);
  const allDomains = domains.all.bind(domains);
  domains.all = async () => {
    const found = await allDomains();
    const call = useCaseCall.getStore();
    if (call) call.domainsRead ??= performance.now();
    return found;
  };

  // The writer hands what it wrote to the relay (`publishWritten`), which publishes batches and
  // clears their documents in one bulk write per model (`clearAll`).
  const relay = access.app.get(OutboxRelay) as unknown as {
    publishWritten(model: unknown, document: { _id: unknown }): void;
    clearAll(model: unknown, documents: { _id: unknown }[]): Promise<void>;
  };
  const publishWritten = relay.publishWritten.bind(relay);
  relay.publishWritten = (model, document) => {
    const call = useCaseCall.getStore();
    if (call) hooks.onHandedOver(String(document._id), call, performance.now());
    publishWritten(model, document);
  };
  const clearAll = relay.clearAll.bind(relay);
  relay.clearAll = async (model, documents) => {
    await clearAll(model, documents);
    const at = performance.now();
    documents.forEach((document) => hooks.onCleared(String(document._id), at));
  };

  const server = notification.app.get(LersKafkaServer) as unknown as {
    consumeBatch(payload: EachBatchPayload): Promise<void>;
  };
  const consumeBatch = server.consumeBatch.bind(server);
  server.consumeBatch = (payload) => {
    hooks.onBatch(
      payload.batch.messages.map((message) => String(message.key)),
      performance.now(),
    );
    return consumeBatch(payload);
  };

  const inbox = notification.app.get(EventInbox);
  const consume = inbox.consume.bind(inbox);
  inbox.consume = async (context, raw, handlers) => {
    const key = String((raw as { key?: unknown } | null)?.key);
    hooks.onConsume(key, performance.now());
    await consume(context, raw, handlers);
    hooks.onConsumed(key, performance.now());
  };

  const emails = notification.app.get(EmailOutbox);
  const queue = emails.queue.bind(emails);
  emails.queue = async (cause, template, email, now) => {
    hooks.onHandler(cause.key, performance.now());
    const queued = await queue(cause, template, email, now);
    hooks.onStored(cause.key, performance.now());
    return queued;
  };
}

/** A valid application, as the gateway hands it over once the proof of authority is in MinIO. */
function applicationForm(): SubmitAccessApplication {
  return {
    ...accessApplicationForm(),
    proofOfAuthority: [
      {
        objectKey: `applications/bench/${randomUUID()}/warrant-card.pdf`,
        sha256: randomBytes(32).toString('hex'),
        size: 48_213,
        contentType: 'application/pdf',
      },
    ],
  } as SubmitAccessApplication;
}

function segments(
  ids: string[],
  timelines: Map<string, Timeline>,
  steps: [string, Mark, Mark][],
  withShare: boolean,
): SegmentSummary[] {
  const rows = steps.map(([step, from, to]) => {
    const values = ids
      .map((id) => timelines.get(id))
      .filter((t): t is Timeline => t?.[from] !== undefined && t?.[to] !== undefined)
      .map((t) => (t[to] as number) - (t[from] as number));
    const summary = summarize(values);
    return { step, mean: summary.mean, p50: summary.p50, p99: summary.p99 };
  });
  if (!withShare) return rows;
  const total = rows.reduce((sum, row) => sum + row.mean, 0);
  return rows.map((row) => ({ ...row, share: round(row.mean / total, 3) }));
}

/** Latency of raw insertOne of copies (new _id) of a stored document, into its own collection. */
async function rawInsertLike(
  collection: ReturnType<Connection['collection']>,
  filter: Record<string, unknown>,
  adapt: (document: Record<string, unknown>) => Record<string, unknown>,
  settings: BenchSettings,
): Promise<LatencySummary> {
  const original = await collection.findOne(filter as never);
  if (!original) throw new Error(`no document matches ${JSON.stringify(filter)}`);
  const samples = Math.min(settings.samples, 100);
  const latencies = await measureLatency(Math.min(settings.warmup, 10), samples, async () => {
    const copy = adapt({ ...original, _id: `bench-copy-${randomUUID()}` });
    const started = performance.now();
    await withTimeout(collection.insertOne(copy as never), 30_000, 'insertOne');
    return performance.now() - started;
  });
  return summarize(latencies);
}

async function countIds(
  collection: ReturnType<Connection['collection']>,
  ids: string[],
  extra: Record<string, unknown> = {},
): Promise<number> {
  let count = 0;
  for (let i = 0; i < ids.length; i += 500) {
    count += await collection.countDocuments({ _id: { $in: ids.slice(i, i + 500) as never[] }, ...extra });
  }
  return count;
}
