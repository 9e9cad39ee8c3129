import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EventEnvelope, PreservationExpiringV1 } from '@lers/contracts';
import { isDuplicateKey } from '@lers/persistence';
import { preservationReminderFor } from '../domain/officer-notification';
import { OFFICER_NOTIFICATION_MODEL, type OfficerNotificationDocument } from '../officer-notification.schema';

/** Stores the officer's reminder that a preservation order lapses soon (one per event: its id is the event's). */
@Injectable()
export class RemindOfficerOfPreservationUseCase {
  constructor(
    @InjectModel(OFFICER_NOTIFICATION_MODEL)
    private readonly notifications: Model<OfficerNotificationDocument>,
  ) {}

  async execute(event: EventEnvelope<PreservationExpiringV1>): Promise<boolean> {
    const order = event.payload;
    try {
      await this.notifications.create({
        _id: event.id,
        officerId: order.officerId,
        agencyId: order.agencyId,
        kind: 'preservation_reminder',
        message: preservationReminderFor(order),
        requestId: null,
        caseNumber: null,
        preservationId: order.preservationId,
        status: null,
        createdAt: new Date(event.occurredAt),
        readAt: null,
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
