import { EVENT_TOPICS } from '@lers/contracts';
import { resolveDeadLetterTopic } from './dead-letter-topics';

describe('resolveDeadLetterTopic', () => {
  it('takes an event topic or its dead-letter twin', () => {
    const expected = { source: EVENT_TOPICS.accessEvents, deadLetters: `${EVENT_TOPICS.accessEvents}.dlq` };
    expect(resolveDeadLetterTopic(EVENT_TOPICS.accessEvents)).toEqual(expected);
    expect(resolveDeadLetterTopic(`${EVENT_TOPICS.accessEvents}.dlq`)).toEqual(expected);
  });

  it('refuses a topic that is not one of ours, listing the ones that are', () => {
    const answer = resolveDeadLetterTopic('lers.unknown.v1.dlq');
    expect(typeof answer).toBe('string');
    expect(answer).toContain('unknown topic "lers.unknown.v1.dlq"');
    expect(answer).toContain(EVENT_TOPICS.requestsEvents);
  });
});
