import { Injectable } from '@nestjs/common';
import { Clock } from '@lers/clock';
import type { AttachPreservationDocument, PreservationDocumentView } from '@lers/contracts';
import { applyRule, DomainRuleViolation } from '@lers/domain';
import type { OfficerScope } from '@lers/persistence';
import { orderLifecycle } from '../domain/order-lifecycle';
import { documentView } from '../order-mapping';
import { PreservationOrders } from '../storage/preservation-orders.repository';
import { EvidenceHolds } from './evidence-holds';

export const MAX_ORDER_DOCUMENTS = 20;

/**
 * Records the preservation letter (or another document) the gateway streamed into the evidence
 * bucket, then puts it under legal hold for as long as the order is active.
 */
@Injectable()
export class AttachOrderDocumentUseCase {
  constructor(
    private readonly clock: Clock,
    private readonly orders: PreservationOrders,
    private readonly evidence: EvidenceHolds,
  ) {}

  async execute(
    officer: OfficerScope,
    input: AttachPreservationDocument,
    id: string,
  ): Promise<PreservationDocumentView> {
    const document = await this.orders.change(
      'preservation.document.attach',
      () => this.orders.ofOfficer(officer, input.preservationId),
      (order) => {
        const existing = order.documents.find((candidate) => candidate.id === id);
        if (existing) return { changes: {}, events: [], result: () => existing };
        applyRule(() => {
          // Extending is what an active order allows; an order that is over takes no evidence.
          orderLifecycle.next(order.status, 'extend');
          if (order.documents.length >= MAX_ORDER_DOCUMENTS) {
            throw new DomainRuleViolation(
              'too_many_documents',
              `An order may have at most ${MAX_ORDER_DOCUMENTS} documents.`,
              'file',
            );
          }
        });
        const added = {
          id,
          objectKey: input.document.objectKey,
          sha256: input.document.sha256,
          size: input.document.size,
          contentType: input.document.contentType,
          uploadedAt: this.clock.now(),
          legalHold: false,
        };
        return { changes: { documents: [...order.documents, added] }, events: [], result: () => added };
      },
    );
    if (!document.legalHold) await this.evidence.place(input.preservationId, document.id, document.objectKey);
    const stored = await this.orders.ofOfficer(officer, input.preservationId);
    return documentView(stored.documents.find((candidate) => candidate.id === id) ?? document);
  }
}
