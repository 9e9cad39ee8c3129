import {
  AccessApplicationApprovedV1,
  AccessApplicationRejectedV1,
  AccountStatusChangedV1,
  StaffInvitedV1,
} from './events/access/account-events';
import { AccessApplicationSubmittedV1 } from './events/access/application-submitted';
import { SessionEndedV1 } from './events/access/session-events';
import {
  EmergencyConfirmationRequestedV1,
  NoticeSettledV1,
  RequestApprovedV1,
  RequestStatusChangedV1,
} from './events/requests/request-events';
import {
  PreservationExpiringV1,
  PreservationHoldReleasedV1,
  PreservationHoldV1,
} from './events/preservation/preservation-events';
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
  'access.application.approved': {
    topic: EVENT_TOPICS.accessEvents,
    version: 1,
    payload: AccessApplicationApprovedV1,
  },
  'access.application.rejected': {
    topic: EVENT_TOPICS.accessEvents,
    version: 1,
    payload: AccessApplicationRejectedV1,
  },
  'access.staff.invited': { topic: EVENT_TOPICS.accessEvents, version: 1, payload: StaffInvitedV1 },
  'access.account.activated': {
    topic: EVENT_TOPICS.accessEvents,
    version: 1,
    payload: AccountStatusChangedV1,
  },
  'access.account.suspended': {
    topic: EVENT_TOPICS.accessEvents,
    version: 1,
    payload: AccountStatusChangedV1,
  },
  'access.session.ended': { topic: EVENT_TOPICS.accessEvents, version: 1, payload: SessionEndedV1 },
  'requests.request.status_changed': {
    topic: EVENT_TOPICS.requestsEvents,
    version: 1,
    payload: RequestStatusChangedV1,
  },
  'requests.request.approved': { topic: EVENT_TOPICS.requestsEvents, version: 1, payload: RequestApprovedV1 },
  'requests.emergency.confirmation_requested': {
    topic: EVENT_TOPICS.requestsEvents,
    version: 1,
    payload: EmergencyConfirmationRequestedV1,
  },
  'notification.notice.settled': {
    topic: EVENT_TOPICS.notificationEvents,
    version: 1,
    payload: NoticeSettledV1,
  },
  'preservation.hold.placed': {
    topic: EVENT_TOPICS.preservationEvents,
    version: 1,
    payload: PreservationHoldV1,
  },
  'preservation.hold.extended': {
    topic: EVENT_TOPICS.preservationEvents,
    version: 1,
    payload: PreservationHoldV1,
  },
  'preservation.hold.released': {
    topic: EVENT_TOPICS.preservationEvents,
    version: 1,
    payload: PreservationHoldReleasedV1,
  },
  'preservation.order.expiring': {
    topic: EVENT_TOPICS.preservationEvents,
    version: 1,
    payload: PreservationExpiringV1,
  },
} as const satisfies Record<string, { topic: EventTopic; version: number; payload: new () => object }>;

export type EventType = keyof typeof EVENT_CATALOG;
export type EventPayload<T extends EventType> = InstanceType<(typeof EVENT_CATALOG)[T]['payload']>;
