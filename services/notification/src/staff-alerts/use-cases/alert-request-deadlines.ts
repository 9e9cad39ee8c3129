import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { LeasedJobs } from '@lers/jobs';
import { NotificationEnv } from '../../notification.config';
import { deadlineStage } from '../domain/staff-alert';
import { REQUEST_DEADLINE_MODEL, type RequestDeadlineDocument } from '../staff-alert.schema';
import { StaffAlerts } from '../staff-alerts';

export const REQUEST_DEADLINE_JOB = 'request-deadline-alerts';
const BATCH = 200;

/**
 * A leased job (one replica per period): alerts staff once when a request waiting for them is due
 * within REQUEST_DUE_SOON_HOURS, and once when it is overdue. The alert's id (stage, request, due
 * date) and the guarded `alerted` mark keep each alert single even if two passes overlap.
 */
@Injectable()
export class AlertRequestDeadlinesUseCase implements OnModuleInit {
  constructor(
    @InjectModel(REQUEST_DEADLINE_MODEL) private readonly deadlines: Model<RequestDeadlineDocument>,
    private readonly alerts: StaffAlerts,
    private readonly jobs: LeasedJobs,
    @Inject(NotificationEnv) private readonly config: NotificationEnv,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: REQUEST_DEADLINE_JOB,
      everyMs: this.config.SCHEDULED_WORK_EVERY_MS,
      run: (now) => this.execute(now),
    });
  }

  async execute(now: Date): Promise<void> {
    const soonMs = this.config.REQUEST_DUE_SOON_HOURS * 3_600_000;
    const due = await this.deadlines
      .find({
        awaitingStaff: true,
        alerted: { $ne: 'request_overdue' },
        dueBy: { $lte: new Date(now.getTime() + soonMs) },
      })
      .sort({ dueBy: 1 })
      .limit(BATCH)
      .lean();
    for (const request of due) {
      const stage = request.dueBy && deadlineStage(request.dueBy, now, soonMs);
      if (!stage || request.alerted === stage) continue;
      await this.alerts.raise(
        {
          kind: stage,
          about: `${request._id}:${request.dueBy!.toISOString()}`,
          requestId: request._id,
          caseNumber: request.caseNumber,
          dueBy: request.dueBy,
        },
        now,
      );
      await this.deadlines.updateOne(
        { _id: request._id, alerted: request.alerted },
        { $set: { alerted: stage } },
      );
    }
  }
}
