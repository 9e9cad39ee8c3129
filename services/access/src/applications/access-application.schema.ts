import { auditFields, type WithAuditQueue } from '@lers/audit';
import { Schema } from 'mongoose';
import { outboxFields, type WithOutbox } from '@lers/messaging';
import type { AccessApplicationStatus } from './domain/access-application';

export const ACCESS_APPLICATION_MODEL = 'AccessApplication';

export interface ProofOfAuthority {
  id: string;
  objectKey: string;
  sha256: string;
  size: number;
  contentType: string;
}

export interface AccessApplicationDocument extends WithOutbox, Partial<WithAuditQueue> {
  _id: string;
  status: AccessApplicationStatus;
  agency: { name: string; country: string; kind: string };
  officer: { fullName: string; title: string; email: string; phone: string; badgeNumber: string };
  supervisor: { fullName: string; email: string };
  proofOfAuthority: ProofOfAuthority[];
  /** Only the SHA-256 of the e-mailed token is kept: a database leak verifies nobody. */
  emailVerification: { tokenHash: string; expiresAt: Date } | null;
  submittedAt: Date;
  emailVerifiedAt: Date | null;
  reviewDueBy: Date | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  rejectionReason: string | null;
  /**
   * Set by an approval before it creates the officer's account, which is the decision itself and
   * carries its event; the application's `approved` follows as a projection that approving again
   * repairs. While set, the application cannot be rejected.
   */
  approvalStartedAt: Date | null;
}

const person = { fullName: { type: String, required: true }, email: { type: String, required: true } };

export const AccessApplicationSchema = new Schema<AccessApplicationDocument>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true, index: true },
    agency: {
      name: { type: String, required: true },
      country: { type: String, required: true },
      kind: { type: String, required: true },
    },
    officer: {
      ...person,
      title: { type: String, required: true },
      phone: { type: String, required: true },
      badgeNumber: { type: String, required: true },
    },
    supervisor: person,
    proofOfAuthority: [
      {
        _id: false,
        id: { type: String, required: true },
        objectKey: { type: String, required: true },
        sha256: { type: String, required: true },
        size: { type: Number, required: true },
        contentType: { type: String, required: true },
      },
    ],
    emailVerification: {
      type: new Schema({ tokenHash: { type: String, index: true }, expiresAt: Date }, { _id: false }),
      default: null,
    },
    submittedAt: { type: Date, required: true },
    emailVerifiedAt: { type: Date, default: null },
    reviewDueBy: { type: Date, default: null, index: true },
    decidedAt: { type: Date, default: null },
    decidedBy: { type: String, default: null },
    rejectionReason: { type: String, default: null },
    approvalStartedAt: { type: Date, default: null },
    ...outboxFields,
    ...auditFields,
  },
  { collection: 'access_applications', versionKey: false },
);
