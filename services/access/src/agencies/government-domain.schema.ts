import { Schema } from 'mongoose';

export const GOVERNMENT_DOMAIN_MODEL = 'GovernmentDomain';

/** A domain staff verified for an agency, beyond the shipped public-sector suffixes. */
export interface GovernmentDomainDocument {
  _id: string;
  country: string;
  agencyName: string | null;
  addedBy: string;
  addedAt: Date;
}

export const GovernmentDomainSchema = new Schema<GovernmentDomainDocument>(
  {
    _id: { type: String, required: true },
    country: { type: String, required: true },
    agencyName: { type: String, default: null },
    addedBy: { type: String, required: true },
    addedAt: { type: Date, required: true },
  },
  { collection: 'government_domains', versionKey: false },
);
