import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@lers/clock';
import { BUCKETS, type AttachRequestDocument, type RequestDocumentView } from '@lers/contracts';
import { applyRule } from '@lers/domain';
import type { OfficerScope } from '@lers/persistence';
import { DocumentStore } from '@lers/storage';
import { checkDocumentMayBeAttached } from '../domain/request-attachments';
import { documentView } from '../request-mapping';
import { InformationRequests } from '../storage/information-requests.repository';

/**
 * Records an official document the gateway has streamed into the evidence bucket, then puts the
 * object under legal hold: from then on it cannot be deleted or overwritten in the store.
 */
@Injectable()
export class AttachDocumentUseCase {
  private readonly logger = new Logger(AttachDocumentUseCase.name);

  constructor(
    private readonly clock: Clock,
    private readonly requests: InformationRequests,
    private readonly store: DocumentStore,
  ) {}

  async execute(
    officer: OfficerScope,
    input: AttachRequestDocument,
    id: string,
  ): Promise<RequestDocumentView> {
    const document = await this.requests.change(
      'request.document.attach',
      () => this.requests.ofOfficer(officer, input.requestId),
      (request) => {
        const existing = request.documents.find((candidate) => candidate.id === id);
        if (existing) return { changes: {}, events: [], result: () => existing };
        applyRule(() => checkDocumentMayBeAttached(request.status, request.documents.length));
        const added = {
          id,
          kind: input.kind,
          objectKey: input.document.objectKey,
          versionId: null,
          sha256: input.document.sha256,
          size: input.document.size,
          contentType: input.document.contentType,
          uploadedAt: this.clock.now(),
        };
        return { changes: { documents: [...request.documents, added] }, events: [], result: () => added };
      },
    );
    await this.store.placeLegalHold(BUCKETS.requestDocuments, document.objectKey).catch((error: unknown) => {
      // The record stands; the hold is retried by nothing yet, so say so loudly.
      this.logger.error(
        { err: error, objectKey: document.objectKey },
        'could not place a legal hold on a document',
      );
    });
    return documentView(document);
  }
}
