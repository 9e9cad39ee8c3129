import { auditFields, type WithAuditQueue } from '@lers/audit';
import { Schema } from 'mongoose';
import { outboxFields, type WithOutbox } from '@lers/messaging';
import type { OfficerAccountStatus } from './domain/officer-account';

export const ACCOUNT_MODEL = 'Account';

/** An officer's or a staff member's account; the e-mail is the login name. */
export interface AccountDocument extends WithOutbox, Partial<WithAuditQueue> {
  _id: string;
  kind: 'officer' | 'staff';
  email: string;
  fullName: string;
  title: string | null;
  badgeNumber: string | null;
  roles: string[];
  agency: { id: string; name: string; country: string; kind: string } | null;
  /** The application whose approval created this officer account (id `officer-<applicationId>`). */
  applicationId: string | null;
  status: OfficerAccountStatus;
  /** argon2id; never leaves this service. */
  passwordHash: string | null;
  /** The TOTP seed, encrypted (totp-seed-cipher.ts); never logged, returned once at enrolment. */
  totpSecret: string | null;
  /** The time step of the last TOTP code accepted: a code is good once. */
  totpLastStep?: number | null;
  activation: { tokenHash: string; expiresAt: Date } | null;
  /** No longer read: failures are counted in `login_attempts` (auth/login-attempts.ts). */
  failedLogins: Date[];
  createdAt: Date;
  /** Who decided the account should exist: the reviewer who approved the application (officers). */
  createdBy: string | null;
  activatedAt: Date | null;
  suspendedAt: Date | null;
  suspensionReason: string | null;
}

export const AccountSchema = new Schema<AccountDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['officer', 'staff'] },
    email: { type: String, required: true, unique: true },
    fullName: { type: String, required: true },
    title: { type: String, default: null },
    badgeNumber: { type: String, default: null },
    roles: { type: [String], default: [] },
    agency: {
      type: new Schema({ id: String, name: String, country: String, kind: String }, { _id: false }),
      default: null,
    },
    applicationId: { type: String, default: null, index: true },
    status: { type: String, required: true, index: true },
    passwordHash: { type: String, default: null },
    totpSecret: { type: String, default: null },
    totpLastStep: { type: Number, default: null },
    activation: {
      type: new Schema({ tokenHash: { type: String, index: true }, expiresAt: Date }, { _id: false }),
      default: null,
    },
    failedLogins: { type: [Date], default: [] },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, default: null },
    activatedAt: { type: Date, default: null },
    suspendedAt: { type: Date, default: null },
    suspensionReason: { type: String, default: null },
    ...outboxFields,
    ...auditFields,
  },
  { collection: 'accounts', versionKey: false },
);
