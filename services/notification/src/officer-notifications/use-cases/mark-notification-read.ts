import { Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem } from '@lers/contracts';
import { officerFilter, type OfficerScope } from '@lers/persistence';
import {
  OFFICER_NOTIFICATION_MODEL,
  officerNotificationView,
  type OfficerNotificationDocument,
} from '../officer-notification.schema';

/** Marks one of the officer's notifications read; the first `readAt` stands. Anyone else's is 404. */
@Injectable()
export class MarkNotificationReadUseCase {
  constructor(
    private readonly clock: Clock,
    @InjectModel(OFFICER_NOTIFICATION_MODEL)
    private readonly notifications: Model<OfficerNotificationDocument>,
  ) {}

  async execute(officer: OfficerScope, notificationId: string) {
    const mine = { _id: notificationId, ...officerFilter(officer) };
    const marked = await this.notifications
      .findOneAndUpdate(
        { ...mine, readAt: null },
        { $set: { readAt: this.clock.now() } },
        { returnDocument: 'after' },
      )
      .lean();
    const stored = marked ?? (await this.notifications.findOne(mine).lean());
    if (!stored) throw new Problem(404, 'not_found', 'No such notification.');
    return officerNotificationView(stored);
  }
}
