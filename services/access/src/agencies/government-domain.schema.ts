import { auditFields, type WithAuditQueue } from '@lers/audit';
import { Schema } from 'mongoose';

export const GOVERNMENT_DOMAIN_MODEL = 'GovernmentDomain';

/** A domain staff verified for an agency, beyond the shipped public-sector suffixes. */
export interface GovernmentDomainDocument extends Partial<WithAuditQueue> {
  _id: string;
  country: string;
  agencyName: string | null;
  addedBy: string;
  addedAt: Date;
  /** Guards the audit queue's clearing (audit-appender.ts). */
  revision: number;
}

export const GovernmentDomainSchema = new Schema<GovernmentDomainDocument>(
  {
    _id: { type: String, required: true },
    country: { type: String, required: true },
    agencyName: { type: String, default: null },
    addedBy: { type: String, required: true },
    addedAt: { type: Date, required: true },
    revision: { type: Number, default: 1 },
    ...auditFields,
  },
  { collection: 'government_domains', versionKey: false },
);
