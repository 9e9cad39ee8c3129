import { deadLetterTopicOf, EVENT_TOPICS, type EventTopic } from '@lers/contracts';

/** Accepts an event topic or its dead-letter twin; returns both, or why the name is not one of ours. */
export function resolveDeadLetterTopic(name: string): { source: EventTopic; deadLetters: string } | string {
  const source = name.endsWith('.dlq') ? name.slice(0, -'.dlq'.length) : name;
  const known = Object.values(EVENT_TOPICS) as string[];
  if (!known.includes(source)) return `unknown topic "${name}"; one of: ${known.join(', ')}`;
  return { source: source as EventTopic, deadLetters: deadLetterTopicOf(source as EventTopic) };
}

/** The headers a parked message gets; a replay sends the message back without them. */
export const DEAD_LETTER_HEADER_PREFIX = 'x-dlq-';
