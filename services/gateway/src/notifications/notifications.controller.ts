import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BearerGuard, OfficerGuard } from '@lers/auth';
import {
  listOfficerNotifications,
  markOfficerNotificationRead,
  NotificationListQuery,
  OFFICER_NOTIFICATION_KINDS,
  REQUEST_STATUSES,
  type Actor,
} from '@lers/contracts';
import { AcceptsIdempotencyKey, IdempotencyKey } from '@lers/http';
import { CommandBus } from '@lers/messaging';
import { ApiProblems, OFFICER_ROUTE_ERRORS, type SchemaObject } from '../openapi/problem-responses';
import { OfficerActor } from '../requests/officer-actor';

const timestamp: SchemaObject = { type: 'string', format: 'date-time' };
const notificationView: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: [...OFFICER_NOTIFICATION_KINDS] },
    message: { type: 'string', example: 'Request LERS-2026-000123: information requested' },
    requestId: { type: 'string', nullable: true },
    caseNumber: { type: 'string', nullable: true },
    preservationId: { type: 'string', nullable: true },
    status: { type: 'string', enum: [...REQUEST_STATUSES], nullable: true },
    createdAt: timestamp,
    read: { type: 'boolean' },
    readAt: { ...timestamp, nullable: true },
  },
};
const notificationPage: SchemaObject = {
  type: 'object',
  properties: {
    items: { type: 'array', items: notificationView },
    nextCursor: { type: 'string', nullable: true, description: 'Pass as `cursor` for the next page' },
  },
};

/** The officer's in-app notifications: their requests' moves (and, later, preservation reminders). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
@UseGuards(BearerGuard, OfficerGuard)
export class NotificationsController {
  constructor(private readonly commands: CommandBus) {}

  @Get()
  @ApiOperation({
    summary: 'The officer’s own notifications, newest first; `unread=true` for the unread ones',
  })
  @ApiResponse({ status: 200, description: '`{items, nextCursor}`', schema: notificationPage })
  @ApiProblems(OFFICER_ROUTE_ERRORS)
  list(@Query() query: NotificationListQuery, @OfficerActor() actor: Actor) {
    return this.commands.send(listOfficerNotifications, query, actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @AcceptsIdempotencyKey()
  @ApiOperation({ summary: 'Mark one notification read (again: no change, the first time stands)' })
  @ApiResponse({ status: 200, description: 'The notification, read', schema: notificationView })
  @ApiProblems([...OFFICER_ROUTE_ERRORS, 404])
  markRead(
    @Param('id') notificationId: string,
    @OfficerActor() actor: Actor,
    @IdempotencyKey() key?: string,
  ) {
    return this.commands.send(markOfficerNotificationRead, { notificationId }, actor, key);
  }
}
