import { Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import { applyRule } from '@lers/domain';
import type { StaffScope } from '@lers/persistence';
import type { StoredObject } from '@lers/storage';
import { addDisclosurePackage } from '../requests/domain/disclosure-release';
import { changesFrom, staffView, toDomain } from '../requests/request-mapping';
import { RequestEvents } from '../requests/request-events';
import { InformationRequests } from '../requests/storage/information-requests.repository';
import type { StoredDisclosure } from '../requests/storage/information-request.schema';

/**
 * Staff attach a package of records to an approved request. It is offered to the officer at once
 * when every subject's notice is settled, otherwise when the last one is (see NoticeSettled).
 */
@Injectable()
export class UploadDisclosureUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly requests: InformationRequests,
    private readonly events: RequestEvents,
  ) {}

  execute(staff: StaffScope, requestId: string, object: StoredObject, fileName: string, id: string) {
    return this.requests.change(
      'request.disclosure.upload',
      () => this.requests.forStaff(staff, requestId),
      (stored) => {
        const now = this.clock.now();
        // A keyed retry: the package is already there; the caller removes the copy just uploaded.
        if (stored.disclosures.some((pkg) => pkg.id === id)) {
          return {
            changes: {},
            events: [],
            result: () => ({ result: staffView(stored, now), replayed: true }),
          };
        }
        const next = applyRule(() =>
          addDisclosurePackage(toDomain(stored), { id, uploadedBy: staff.staffId }, now),
        );
        const added: StoredDisclosure = {
          id,
          fileName,
          objectKey: object.objectKey,
          versionId: object.versionId,
          sha256: object.sha256,
          size: object.size,
          contentType: object.contentType,
          uploadedBy: staff.staffId,
          uploadedAt: now,
          releasedAt: null,
        };
        const changes = changesFrom(next, { ...stored, disclosures: [...stored.disclosures, added] });
        return {
          changes,
          events: this.events.moved(stored, stored.status, next.status, now),
          result: (updated) => ({ result: staffView(updated, now), replayed: false }),
        };
      },
    );
  }
}
