import { randomUUID } from 'node:crypto';
import { COMMAND_TOPICS, EVENT_TOPICS } from '@lers/contracts';
import { produceRaw, waitFor, type RunningService } from '@lers/testing';
import { bootProbeConsumer } from './probe-consumer';

const commandTopic = COMMAND_TOPICS.accessMe;
// A topic nothing else in the tests writes to, so reading it from the beginning stays small.
const eventTopic = EVENT_TOPICS.notificationEvents;

/**
 * A consumer group that has never run starts event topics at their beginning (production: no
 * event is ever skipped) but command topics at their end: a command sent before the group existed
 * has nobody waiting for its reply any more, and running it now would act on a stale request.
 */
describe('a new consumer group', () => {
  let consumer: RunningService<object> | undefined;
  const seen: { topic: string; marker: string }[] = [];

  afterAll(async () => {
    await consumer?.close();
  });

  it('reads events from the beginning and commands only from when it started', async () => {
    const run = randomUUID();
    const key = `never-replay-${run}`;
    await produceRaw(commandTopic, [{ key, value: JSON.stringify({ marker: `old-command-${run}` }) }]);
    await produceRaw(eventTopic, [{ key, value: JSON.stringify({ marker: `old-event-${run}` }) }]);

    consumer = await bootProbeConsumer(
      'new-group',
      [commandTopic, eventTopic],
      async (raw, context) => {
        const marker = (raw as { marker?: unknown } | null)?.marker;
        if (typeof marker === 'string') seen.push({ topic: context.getTopic(), marker });
      },
      // As in production: a new group reads event topics from the start.
      { KAFKA_FROM_BEGINNING: 'true' },
    );
    // Same key, so the same partition: had the old command been delivered, it would come first.
    await produceRaw(commandTopic, [{ key, value: JSON.stringify({ marker: `new-command-${run}` }) }]);

    await waitFor('the new command and the old event to be consumed', () =>
      ['new-command', 'old-event'].every((kind) => seen.some((m) => m.marker === `${kind}-${run}`)),
    );
    expect(seen.filter((m) => m.marker.endsWith(run))).toEqual(
      expect.arrayContaining([
        { topic: commandTopic, marker: `new-command-${run}` },
        { topic: eventTopic, marker: `old-event-${run}` },
      ]),
    );
    expect(seen.some((m) => m.marker === `old-command-${run}`)).toBe(false);
  });
});
