import { Schema } from 'mongoose';

export const OUTGOING_EMAIL_MODEL = 'OutgoingEmail';

export type EmailStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * One e-mail caused by one event: the id is `<eventId>:<template>`, so a redelivered event can
 * never queue a second copy.
 */
export interface OutgoingEmail {
  _id: string;
  template: string;
  to: string;
  subject: string;
  text: string;
  status: EmailStatus;
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil: Date | null;
  lastError: string | null;
  correlationId: string;
  createdAt: Date;
  sentAt: Date | null;
}

export const OutgoingEmailSchema = new Schema<OutgoingEmail>(
  {
    _id: { type: String, required: true },
    template: { type: String, required: true },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    status: { type: String, required: true, index: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, required: true },
    leaseUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    correlationId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
  },
  { collection: 'outgoing_emails', versionKey: false },
);
