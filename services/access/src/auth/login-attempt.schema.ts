import { Schema } from 'mongoose';

export const LOGIN_ATTEMPT_MODEL = 'LoginAttempt';

/**
 * Sign-in attempts counted for one e-mail and route (`<kind>:<email>`), whether or not an account
 * has that e-mail, in the current lockout window (domain/login-lockout.ts).
 */
export interface LoginAttemptDocument {
  _id: string;
  windowStart: Date;
  attempts: number;
}

export const LoginAttemptSchema = new Schema<LoginAttemptDocument>(
  {
    _id: { type: String, required: true },
    windowStart: { type: Date, required: true, index: true },
    attempts: { type: Number, required: true },
  },
  { collection: 'login_attempts', versionKey: false },
);
