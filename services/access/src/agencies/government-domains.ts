import { AuditTrail } from '@lers/audit';
import { Clock } from '@lers/clock';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Problem } from '@lers/contracts';
import { applyRule } from '@lers/domain';
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

/**
 * How long a replica trusts its copy of the list. Domains are only ever added, so a stale copy is
 * stricter, never looser: a domain added on another replica is accepted here within this time
 * (at once on the replica that added it).
 */
const LIST_REFRESH_MS = 30_000;

/** The government-domain policy's staff-maintained part; free-mail domains can never be added. */
@Injectable()
export class GovernmentDomains {
  private cached?: { readAt: number; domains: Promise<string[]> };

  constructor(
    private readonly clock: Clock,
    @InjectModel(GOVERNMENT_DOMAIN_MODEL) private readonly domains: Model<GovernmentDomainDocument>,
    private readonly audit: AuditTrail,
  ) {}

  async add(
    input: { domain: string; country: string; agencyName?: string },
    adminId: string,
    now = this.clock.now(),
  ) {
    const domain = applyRule(() => normaliseDomain(input.domain));
    const country = input.country.toUpperCase();
    const agencyName = input.agencyName ?? null;
    const added = this.audit.intent(
      'government_domain.add',
      { type: 'government_domain', id: domain },
      { details: { country, agencyName } },
    );
    try {
      const created = await this.domains.create({
        _id: domain,
        country,
        agencyName,
        addedBy: adminId,
        addedAt: now,
        revision: 1,
        ...this.audit.queue(null, added),
      });
      this.cached = undefined;
      const stored = created.toObject();
      this.audit.written(this.domains as never, stored);
      return present(stored);
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

  /**
   * Every verified domain. The list is small (one entry per agency domain) and read on every
   * application, so it is read whole and kept for LIST_REFRESH_MS.
   */
  all(): Promise<string[]> {
    if (!this.cached || Date.now() - this.cached.readAt > LIST_REFRESH_MS) {
      const domains = this.domains
        .find({}, { _id: 1 })
        .lean<{ _id: string }[]>()
        .then((found) => found.map((domain) => domain._id));
      const entry = { readAt: Date.now(), domains };
      this.cached = entry;
      domains.catch(() => {
        if (this.cached === entry) this.cached = undefined; // a failed read is not kept
      });
    }
    return this.cached.domains;
  }
}
