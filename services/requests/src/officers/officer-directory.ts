import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { AccessApplicationApprovedV1 } from '@lers/contracts';
import { OFFICER_RECORD_MODEL, type OfficerRecord } from './officer-directory.schema';

/**
 * The officers this service has heard of (no service reads another's database): their agency for
 * approval events and the supervisor who must confirm their emergencies. Fed by access's events.
 */
@Injectable()
export class OfficerDirectory {
  constructor(@InjectModel(OFFICER_RECORD_MODEL) private readonly officers: Model<OfficerRecord>) {}

  /** An upsert by account id: a redelivered event writes the same values again. */
  async record(approved: AccessApplicationApprovedV1, at: Date): Promise<void> {
    await this.officers.updateOne(
      { _id: approved.accountId },
      {
        $set: {
          fullName: approved.fullName,
          agencyId: approved.agencyId ?? null,
          agencyName: approved.agencyName,
          agencyCountry: approved.agencyCountry ?? null,
          supervisor: approved.supervisor
            ? { fullName: approved.supervisor.fullName, email: approved.supervisor.email }
            : null,
          recordedAt: at,
        },
      },
      { upsert: true },
    );
  }

  find(officerId: string): Promise<OfficerRecord | null> {
    return this.officers.findOne({ _id: officerId }).lean<OfficerRecord>();
  }

  /** The officer's name and agency with their supervisor, or null when no supervisor is known. */
  async supervisorOf(officerId: string) {
    const officer = await this.find(officerId);
    if (!officer?.supervisor) return null;
    return { fullName: officer.fullName, agencyName: officer.agencyName, supervisor: officer.supervisor };
  }
}
