import { Clock } from '@lers/clock';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem } from '@lers/contracts';
import { applyRule } from '../shared/rule-problem';
import { normaliseDomain } from './domain/government-email-policy';
import { GOVERNMENT_DOMAIN_MODEL, type GovernmentDomainDocument } from './government-domain.schema';
import { isDuplicateKey } from '@lers/persistence';

const present = (domain: GovernmentDomainDocument) => ({
  domain: domain._id,
  country: domain.country,
  agencyName: domain.agencyName,
  addedBy: domain.addedBy,
  addedAt: domain.addedAt.toISOString(),
});

/** The government-domain policy's staff-maintained part; free-mail domains can never be added. */
@Injectable()
export class GovernmentDomains {
  constructor(
    private readonly clock: Clock,
    @InjectModel(GOVERNMENT_DOMAIN_MODEL) private readonly domains: Model<GovernmentDomainDocument>,
  ) {}

  async add(
    input: { domain: string; country: string; agencyName?: string },
    adminId: string,
    now = this.clock.now(),
  ) {
    const domain = applyRule(() => normaliseDomain(input.domain));
    try {
      const created = await this.domains.create({
        _id: domain,
        country: input.country.toUpperCase(),
        agencyName: input.agencyName ?? null,
        addedBy: adminId,
        addedAt: now,
      });
      return present(created.toObject());
    } catch (error) {
      if (isDuplicateKey(error)) throw new Problem(409, 'domain_exists', `${domain} is already listed.`);
      throw error;
    }
  }

  async list(limit: number, cursor: number) {
    const found = await this.domains
      .find()
      .sort({ _id: 1 })
      .skip(cursor)
      .limit(limit + 1)
      .lean<GovernmentDomainDocument[]>();
    return {
      items: found.slice(0, limit).map(present),
      nextCursor: found.length > limit ? String(cursor + limit) : null,
    };
  }

  /** Every verified domain; the list is small (one entry per agency domain), so it is read whole. */
  async all(): Promise<string[]> {
    return (await this.domains.find({}, { _id: 1 }).lean<{ _id: string }[]>()).map((domain) => domain._id);
  }
}
