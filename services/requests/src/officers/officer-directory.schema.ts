import { Schema } from 'mongoose';

export const OFFICER_RECORD_MODEL = 'OfficerRecord';

/** What this service knows of an approved officer, from access's approval event. */
export interface OfficerRecord {
  _id: string;
  fullName: string;
  agencyId: string | null;
  agencyName: string;
  agencyCountry: string | null;
  supervisor: { fullName: string; email: string } | null;
  recordedAt: Date;
}

export const OfficerRecordSchema = new Schema<OfficerRecord>(
  {
    _id: { type: String, required: true },
    fullName: { type: String, required: true },
    agencyId: { type: String, default: null },
    agencyName: { type: String, required: true },
    agencyCountry: { type: String, default: null },
    supervisor: { type: Schema.Types.Mixed, default: null },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'officers', versionKey: false },
);
