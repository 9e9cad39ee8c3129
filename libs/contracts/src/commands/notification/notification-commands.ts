import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { COMMAND_TOPICS } from '../../topics';
import { defineCommand } from '../command-spec';
import { PageQuery } from '../requests/request-commands';
import type { Page, RequestStatus } from '../requests/request-views';

/**
 * What an officer is told in the app: a request moved, the legal team asked for information, or
 * (from the preservation service) a preservation order is about to lapse.
 */
export const OFFICER_NOTIFICATION_KINDS = [
  'status_changed',
  'info_requested',
  'preservation_reminder',
] as const;
export type OfficerNotificationKind = (typeof OFFICER_NOTIFICATION_KINDS)[number];

export interface OfficerNotificationView {
  id: string;
  kind: OfficerNotificationKind;
  /** Plain words, e.g. "Request LERS-2026-000123: information requested". */
  message: string;
  requestId: string | null;
  caseNumber: string | null;
  preservationId: string | null;
  status: RequestStatus | null;
  createdAt: string;
  read: boolean;
  readAt: string | null;
}

export class NotificationListQuery extends PageQuery {
  /** `true`: only the unread ones. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationRef {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  notificationId: string;
}

export const listOfficerNotifications = defineCommand<NotificationListQuery, Page<OfficerNotificationView>>(
  COMMAND_TOPICS.notificationList,
  NotificationListQuery,
  { readOnly: true },
);

/** Marking one read twice is harmless: the first `readAt` stands. */
export const markOfficerNotificationRead = defineCommand<NotificationRef, OfficerNotificationView>(
  COMMAND_TOPICS.notificationMarkRead,
  NotificationRef,
);
