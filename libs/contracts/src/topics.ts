/**
 * Every Kafka topic LERS uses. WARNING: a topic name is a public contract between services and
 * with the exchange's data systems; renaming one needs a migration (dual-publish, move consumers,
 * then retire), never an edit here alone. Versions are part of the name (`.v1`).
 */
export const EVENT_TOPICS = {
  accessEvents: 'lers.access.events.v1',
  requestsEvents: 'lers.requests.events.v1',
  preservationEvents: 'lers.preservation.events.v1',
  notificationEvents: 'lers.notification.events.v1',
} as const;

/** Gateway → service request–reply topics; each has a `<topic>.reply` twin. */
export const COMMAND_TOPICS = {
  accessSubmitApplication: 'lers.access.submit-application.v1',
  accessVerifyEmail: 'lers.access.verify-email.v1',
  accessActivate: 'lers.access.activate.v1',
  accessConfirmTotp: 'lers.access.confirm-totp.v1',
  accessLogin: 'lers.access.login.v1',
  accessRefresh: 'lers.access.refresh.v1',
  accessLogout: 'lers.access.logout.v1',
  accessCheckSession: 'lers.access.check-session.v1',
  accessMe: 'lers.access.me.v1',
  requestsCreate: 'lers.requests.create.v1',
  requestsAttachDocument: 'lers.requests.attach-document.v1',
  requestsSubmit: 'lers.requests.submit.v1',
  requestsWithdraw: 'lers.requests.withdraw.v1',
  requestsRead: 'lers.requests.read.v1',
  requestsList: 'lers.requests.list.v1',
  requestsPostMessage: 'lers.requests.post-message.v1',
  requestsListMessages: 'lers.requests.list-messages.v1',
  requestsListDisclosures: 'lers.requests.list-disclosures.v1',
  requestsOpenDownload: 'lers.requests.open-download.v1',
  requestsConfirmEmergency: 'lers.requests.confirm-emergency.v1',
  preservationCreate: 'lers.preservation.create.v1',
  preservationExtend: 'lers.preservation.extend.v1',
  preservationRead: 'lers.preservation.read.v1',
  preservationList: 'lers.preservation.list.v1',
  preservationAttachDocument: 'lers.preservation.attach-document.v1',
  notificationList: 'lers.notification.list-notifications.v1',
  notificationMarkRead: 'lers.notification.mark-read.v1',
} as const;

export type EventTopic = (typeof EVENT_TOPICS)[keyof typeof EVENT_TOPICS];
export type CommandTopic = (typeof COMMAND_TOPICS)[keyof typeof COMMAND_TOPICS];

export const replyTopicOf = (topic: CommandTopic) => `${topic}.reply` as const;
export const deadLetterTopicOf = (topic: EventTopic) => `${topic}.dlq` as const;

/** All topics a deployment must provision (auto-creation is off on our brokers). */
export function allTopics(): string[] {
  const events = Object.values(EVENT_TOPICS);
  const commands = Object.values(COMMAND_TOPICS);
  return [...events, ...events.map(deadLetterTopicOf), ...commands, ...commands.map(replyTopicOf)];
}
