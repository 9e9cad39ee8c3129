import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem } from '@lers/contracts';
import { afterPosition, decodeCursor, type StaffScope } from '@lers/persistence';
import { keysetPage } from '../../shared/keyset-page';
import type { NoticeStatus } from '../domain/notice';
import { NOTICE_MODEL, noticeView, type NoticeDocument } from '../notice.schema';

/** Notices for staff: a request's (by subject), or all of one status; oldest first. */
@Injectable()
export class ReadNoticesUseCase {
  constructor(@InjectModel(NOTICE_MODEL) private readonly model: Model<NoticeDocument>) {}

  async page(
    _staff: StaffScope,
    query: { limit: number; cursor?: string; requestId?: string; status?: NoticeStatus },
  ) {
    const rows = await this.model
      .find({
        ...(query.requestId ? { requestId: query.requestId } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...afterPosition('createdAt', decodeCursor(query.cursor), 1),
      })
      .select({ outbox: 0 })
      .sort({ createdAt: 1, _id: 1 })
      .limit(query.limit + 1)
      .lean<NoticeDocument[]>();
    return keysetPage(rows, query.limit, (row) => row.createdAt, noticeView);
  }

  async one(_staff: StaffScope, id: string) {
    const notice = await this.model.findById(id).select({ outbox: 0 }).lean<NoticeDocument>();
    if (!notice) throw new Problem(404, 'not_found', 'No such notice.');
    return noticeView(notice);
  }
}
