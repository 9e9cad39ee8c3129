import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for business rules (deadlines, lockouts, idle sessions, expiries).
 * Injected everywhere, so tests can move time instead of waiting for it.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
