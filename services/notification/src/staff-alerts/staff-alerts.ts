import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@lers/persistence';
import { ALERT_WORDS, type StaffAlertKind } from './domain/staff-alert';
import { STAFF_ALERT_MODEL, type StaffAlertDocument } from './staff-alert.schema';

export interface AlertFacts {
  /** What makes this alert unique (e.g. the notice and the due date it is about). */
  about: string;
  kind: StaffAlertKind;
  requestId?: string | null;
  caseNumber?: string | null;
  noticeId?: string | null;
  dueBy?: Date | null;
}

/** Raises alerts for staff, each at most once: its id is its kind and what it is about. */
@Injectable()
export class StaffAlerts {
  constructor(@InjectModel(STAFF_ALERT_MODEL) private readonly alerts: Model<StaffAlertDocument>) {}

  async raise(facts: AlertFacts, now: Date): Promise<boolean> {
    try {
      await this.alerts.create({
        _id: `${facts.kind}:${facts.about}`,
        kind: facts.kind,
        message: ALERT_WORDS[facts.kind],
        requestId: facts.requestId ?? null,
        caseNumber: facts.caseNumber ?? null,
        noticeId: facts.noticeId ?? null,
        dueBy: facts.dueBy ?? null,
        createdAt: now,
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
