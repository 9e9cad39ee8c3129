import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { NotificationListQuery } from '@lers/contracts';
import { afterPosition, decodeCursor, officerFilter, type OfficerScope } from '@lers/persistence';
import { keysetPage } from '../../shared/keyset-page';
import {
  OFFICER_NOTIFICATION_MODEL,
  officerNotificationView,
  type OfficerNotificationDocument,
} from '../officer-notification.schema';

/** The officer's own notifications, newest first; `unread` keeps the unread ones. */
@Injectable()
export class ReadOfficerNotificationsUseCase {
  constructor(
    @InjectModel(OFFICER_NOTIFICATION_MODEL)
    private readonly notifications: Model<OfficerNotificationDocument>,
  ) {}

  async page(officer: OfficerScope, query: NotificationListQuery) {
    const rows = await this.notifications
      .find({
        ...officerFilter(officer),
        ...(query.unread === true ? { readAt: null } : {}),
        ...afterPosition('createdAt', decodeCursor(query.cursor), -1),
      })
      .sort({ createdAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .lean();
    return keysetPage(rows, query.limit, (row) => row.createdAt, officerNotificationView);
  }
}
