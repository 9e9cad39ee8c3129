import { AccessApplicationSubmittedV1 } from './events/access/application-submitted';
import { EVENT_TOPICS, type EventTopic } from './topics';

/**
 * Every event type, the topic it travels on, its schema version and payload class. Publishing
 * checks the payload's type against this map at compile time; consuming validates it at run time.
 */
export const EVENT_CATALOG = {
  'access.application.submitted': {
    topic: EVENT_TOPICS.accessEvents,
    version: 1,
    payload: AccessApplicationSubmittedV1,
  },
} as const satisfies Record<string, { topic: EventTopic; version: number; payload: new () => object }>;

export type EventType = keyof typeof EVENT_CATALOG;
export type EventPayload<T extends EventType> = InstanceType<(typeof EVENT_CATALOG)[T]['payload']>;
