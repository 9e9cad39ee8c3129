import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import { BUCKETS, Problem, type DisclosureObject, type DisclosureView } from '@lers/contracts';
import type { OfficerScope } from '@lers/persistence';
import { RequestsEnv } from '../requests.config';
import { InformationRequests } from '../requests/storage/information-requests.repository';
import { signGrant, verifyGrant } from './download-links';

/** The packages released to an officer, and the downloads of them (each one recorded). */
@Injectable()
export class OfficerDisclosuresUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly requests: InformationRequests,
    @Inject(RequestsEnv) private readonly config: RequestsEnv,
  ) {}

  async list(officer: OfficerScope, requestId: string): Promise<{ items: DisclosureView[] }> {
    const request = await this.requests.ofOfficer(officer, requestId);
    await this.requests.recordRead('request.disclosures.list', request);
    const expiresAt = this.clock.now().getTime() + this.config.DISCLOSURE_LINK_TTL_SECONDS * 1000;
    const base = this.config.PUBLIC_BASE_URL.replace(/\/+$/, '');
    return {
      items: request.disclosures
        .filter((pkg) => pkg.releasedAt !== null)
        .map((pkg) => {
          const token = signGrant(
            { requestId, disclosureId: pkg.id, officerId: officer.officerId, expiresAt },
            this.config.DISCLOSURE_LINK_SECRET,
          );
          return {
            id: pkg.id,
            fileName: pkg.fileName,
            sha256: pkg.sha256,
            size: pkg.size,
            contentType: pkg.contentType,
            releasedAt: new Date(pkg.releasedAt!).toISOString(),
            download: {
              url: `${base}/v1/disclosure-downloads/${token}`,
              expiresAt: new Date(expiresAt).toISOString(),
            },
          };
        }),
    };
  }

  /**
   * A link that is expired, forged, someone else's, or for a package not (or no longer) released
   * is the same 404: the link reveals nothing. The download is recorded before any byte is sent.
   */
  async open(officer: OfficerScope, token: string, ip: string | undefined): Promise<DisclosureObject> {
    const now = this.clock.now();
    const grant = verifyGrant(token, this.config.DISCLOSURE_LINK_SECRET, now.getTime());
    const notFound = Problem.notFound(
      'download (the link may have expired; list the disclosures for a fresh one)',
    );
    if (!grant || grant.officerId !== officer.officerId) throw notFound;
    return this.requests.change(
      'request.disclosure.download',
      () => this.requests.ofOfficer(officer, grant.requestId),
      (request) => {
        const pkg = request.disclosures.find((candidate) => candidate.id === grant.disclosureId);
        if (!pkg || pkg.releasedAt === null) throw notFound;
        const download = { disclosureId: pkg.id, officerId: officer.officerId, at: now, ip: ip ?? null };
        return {
          changes: { downloads: [...request.downloads, download] },
          events: [],
          result: () => ({
            bucket: BUCKETS.disclosures,
            objectKey: pkg.objectKey,
            versionId: pkg.versionId,
            fileName: pkg.fileName,
            contentType: pkg.contentType,
            sha256: pkg.sha256,
            size: pkg.size,
          }),
        };
      },
    );
  }
}
