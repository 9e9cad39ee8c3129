import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EventEnvelope, RequestStatusChangedV1 } from '@lers/contracts';
import { isDuplicateKey } from '@lers/persistence';
import { officerNotificationFor } from '../domain/officer-notification';
import { OFFICER_NOTIFICATION_MODEL, type OfficerNotificationDocument } from '../officer-notification.schema';

/** Stores the officer's notification for a move of their request (one per event: its id is the event's). */
@Injectable()
export class NotifyOfficerOfMoveUseCase {
  constructor(
    @InjectModel(OFFICER_NOTIFICATION_MODEL)
    private readonly notifications: Model<OfficerNotificationDocument>,
  ) {}

  async execute(event: EventEnvelope<RequestStatusChangedV1>): Promise<boolean> {
    const move = event.payload;
    const notice = officerNotificationFor({
      from: move.from ?? null,
      to: move.to,
      caseNumber: move.caseNumber ?? null,
    });
    if (!notice) return false;
    try {
      await this.notifications.create({
        _id: event.id,
        officerId: move.officerId,
        agencyId: move.agencyId,
        ...notice,
        requestId: move.requestId,
        caseNumber: move.caseNumber ?? null,
        preservationId: null,
        status: move.to,
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
