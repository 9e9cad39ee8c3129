import type { PreservationInstrument } from '@lers/contracts';
import { INSTRUMENT_POLICIES } from './instrument-policies';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** `days` calendar days after `at`, to the millisecond (instants are UTC: no daylight-saving drift). */
export function daysAfter(at: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number, at least 0');
  return new Date(at.getTime() + days * DAY_MS);
}

/** When an order received at `receivedAt` stops preserving, before any extension. */
export const initialEnd = (instrument: PreservationInstrument, receivedAt: Date): Date =>
  daysAfter(receivedAt, INSTRUMENT_POLICIES[instrument].periodDays);

/** An extension adds the instrument's extension period to the current end (not to the day it was asked). */
export const extendedEnd = (instrument: PreservationInstrument, currentEnd: Date): Date =>
  daysAfter(currentEnd, INSTRUMENT_POLICIES[instrument].extensionDays);

/** Whole days left before `end`, rounded up (0 once it has passed). */
export function daysLeft(end: Date, now: Date): number {
  return Math.max(0, Math.ceil((end.getTime() - now.getTime()) / DAY_MS));
}
