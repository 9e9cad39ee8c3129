import { Injectable, Logger } from '@nestjs/common';
import { BUCKETS } from '@lers/contracts';
import { DocumentStore } from '@lers/storage';
import type { PreservationOrderDocument } from '../storage/preservation-order.schema';
import { PreservationOrders } from '../storage/preservation-orders.repository';

/**
 * The S3 legal holds on an order's documents. Placed when a document is attached to an active
 * order; lifted once the order has ended (expired or released). What is stored follows what MinIO
 * did: a document is marked held only after the hold is on, and unmarked only after it is off, so
 * a lift that failed is found and retried by the sweep (`evidenceHeld` on an ended order).
 */
@Injectable()
export class EvidenceHolds {
  private readonly logger = new Logger(EvidenceHolds.name);

  constructor(
    private readonly orders: PreservationOrders,
    private readonly store: DocumentStore,
  ) {}

  async place(orderId: string, documentId: string, objectKey: string): Promise<void> {
    await this.store.placeLegalHold(BUCKETS.preservationDocuments, objectKey);
    const order = await this.orders.change(
      'preservation.evidence.hold',
      () => this.required(orderId),
      (stored) => ({
        changes: {
          documents: stored.documents.map((document) =>
            document.id === documentId ? { ...document, legalHold: true } : document,
          ),
          evidenceHeld: true,
        },
        events: [],
        result: (updated) => updated,
      }),
    );
    // The order ended while the document was being attached: nothing is preserved any longer.
    if (order.status !== 'active') await this.lift(orderId);
  }

  /** Lifts every hold of an ended order; failures are logged and left for the next sweep. */
  async lift(orderId: string): Promise<void> {
    const order = await this.orders.bySystem(orderId);
    if (!order || order.status === 'active' || !order.evidenceHeld) return;
    const lifted = new Set<string>();
    for (const document of order.documents.filter((candidate) => candidate.legalHold)) {
      try {
        await this.store.liftLegalHold(BUCKETS.preservationDocuments, document.objectKey);
        lifted.add(document.id);
      } catch (error) {
        this.logger.error(
          { err: error, objectKey: document.objectKey },
          'could not lift a legal hold; retried by the sweep',
        );
      }
    }
    await this.orders.change(
      'preservation.evidence.release',
      () => this.required(orderId),
      (stored) => {
        const documents = stored.documents.map((document) =>
          lifted.has(document.id) ? { ...document, legalHold: false } : document,
        );
        return {
          changes: { documents, evidenceHeld: documents.some((document) => document.legalHold) },
          events: [],
          result: () => undefined,
        };
      },
    );
  }

  private async required(orderId: string): Promise<PreservationOrderDocument> {
    const order = await this.orders.bySystem(orderId);
    if (!order) throw new Error(`preservation order ${orderId} vanished`);
    return order;
  }
}
