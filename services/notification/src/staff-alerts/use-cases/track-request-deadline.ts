import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { RequestStatusChangedV1 } from '@lers/contracts';
import { isDuplicateKey } from '@lers/persistence';
import { awaitsStaff } from '../domain/staff-alert';
import { REQUEST_DEADLINE_MODEL, type RequestDeadlineDocument } from '../staff-alert.schema';

/** Keeps each request's latest move for the deadline alerts; an older move arriving late changes nothing. */
@Injectable()
export class TrackRequestDeadlineUseCase {
  constructor(
    @InjectModel(REQUEST_DEADLINE_MODEL) private readonly deadlines: Model<RequestDeadlineDocument>,
  ) {}

  async execute(move: RequestStatusChangedV1, at: Date): Promise<void> {
    const dueBy = move.dueBy ? new Date(move.dueBy) : null;
    const fields = {
      caseNumber: move.caseNumber ?? null,
      awaitingStaff: awaitsStaff(move.to) && !!dueBy,
      lastMoveAt: at,
    };
    const moved = await this.deadlines.updateOne(
      { _id: move.requestId, lastMoveAt: { $lt: at } },
      { $set: { ...fields, dueBy } },
    );
    if (moved.matchedCount === 1) return;
    try {
      await this.deadlines.create({ _id: move.requestId, ...fields, dueBy, alerted: 'none' });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // a later move is stored already
    }
  }
}
