import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { afterPosition, decodeCursor, type StaffScope } from '@lers/persistence';
import { keysetPage } from '../../shared/keyset-page';
import type { StaffAlertKind } from '../domain/staff-alert';
import { STAFF_ALERT_MODEL, type StaffAlertDocument } from '../staff-alert.schema';

/** Alerts for staff, newest first. */
@Injectable()
export class ReadStaffAlertsUseCase {
  constructor(@InjectModel(STAFF_ALERT_MODEL) private readonly alerts: Model<StaffAlertDocument>) {}

  async page(
    _staff: StaffScope,
    query: { limit: number; cursor?: string; kind?: StaffAlertKind; requestId?: string },
  ) {
    const rows = await this.alerts
      .find({
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.requestId ? { requestId: query.requestId } : {}),
        ...afterPosition('createdAt', decodeCursor(query.cursor), -1),
      })
      .sort({ createdAt: -1, _id: -1 })
      .limit(query.limit + 1)
      .lean();
    return keysetPage(
      rows,
      query.limit,
      (row) => row.createdAt,
      (row) => ({
        id: row._id,
        kind: row.kind,
        message: row.message,
        requestId: row.requestId,
        caseNumber: row.caseNumber,
        noticeId: row.noticeId,
        dueBy: row.dueBy?.toISOString() ?? null,
        createdAt: row.createdAt.toISOString(),
      }),
    );
  }
}
