import type { PreservationInstrument, PreservationStatus } from '@lers/contracts';
import { DomainRuleViolation } from '@lers/domain';
import { extensionLimit } from './instrument-policies';
import { orderLifecycle } from './order-lifecycle';
import { DAY_MS, daysLeft, extendedEnd, initialEnd } from './preservation-period';

export interface Extension {
  readonly justification: string;
  readonly at: Date;
  readonly preservedUntil: Date;
}

/** A preservation order as its rules see it; every move returns a new value. */
export interface PreservationOrder {
  readonly status: PreservationStatus;
  readonly instrument: PreservationInstrument;
  readonly receivedAt: Date;
  readonly preservedUntil: Date;
  readonly extensions: readonly Extension[];
  /** Open requests for information that cite the order: while any is open it does not lapse. */
  readonly citedBy: readonly string[];
  /** Reminders already announced, as `<preservedUntil ISO>/<days>`: an extension starts a new set. */
  readonly remindersSent: readonly string[];
  readonly endedAt: Date | null;
  readonly releaseReason: string | null;
}

/** Days before the end at which the officer is reminded. */
export const REMINDER_DAYS = [14, 3] as const;
export const MAX_RELEASE_REASON_LENGTH = 2000;

export function placeOrder(instrument: PreservationInstrument, receivedAt: Date): PreservationOrder {
  return {
    status: 'active',
    instrument,
    receivedAt: new Date(receivedAt),
    preservedUntil: initialEnd(instrument, receivedAt),
    extensions: [],
    citedBy: [],
    remindersSent: [],
    endedAt: null,
    releaseReason: null,
  };
}

/** Past its end with no citing request open: the sweep expires it, and no move may revive it. */
export const hasLapsed = (order: PreservationOrder, now: Date): boolean =>
  order.status === 'active' && now.getTime() >= order.preservedUntil.getTime() && order.citedBy.length === 0;

/** Kept past its end by an open citing request. */
export const isExpiryDeferred = (order: PreservationOrder, now: Date): boolean =>
  order.status === 'active' && now.getTime() >= order.preservedUntil.getTime() && order.citedBy.length > 0;

export const extensionsLeft = (order: PreservationOrder, configuredMaximum: number): number =>
  order.status === 'active'
    ? Math.max(0, extensionLimit(order.instrument, configuredMaximum) - order.extensions.length)
    : 0;

/** The officer extends: the instrument's extension is added to the current end. */
export function extend(
  order: PreservationOrder,
  justification: string,
  at: Date,
  configuredMaximum: number,
): PreservationOrder {
  orderLifecycle.next(order.status, 'extend');
  if (hasLapsed(order, at)) {
    throw new DomainRuleViolation(
      'invalid_transition',
      'The preservation order has expired; place a new one.',
      'status',
    );
  }
  const limit = extensionLimit(order.instrument, configuredMaximum);
  if (order.extensions.length >= limit) {
    throw new DomainRuleViolation(
      'extension_limit_reached',
      `A ${order.instrument} preservation order may be extended at most ${limit} time${limit === 1 ? '' : 's'}.`,
      'extensions',
    );
  }
  const text = justification.trim();
  if (text === '') {
    throw new DomainRuleViolation(
      'justification_required',
      'Say why the extension is needed.',
      'justification',
    );
  }
  const preservedUntil = extendedEnd(order.instrument, order.preservedUntil);
  return {
    ...order,
    preservedUntil,
    extensions: [...order.extensions, { justification: text, at: new Date(at), preservedUntil }],
  };
}

/** The sweep's decision: the expired order, or null when it is not (yet) due. */
export function expire(order: PreservationOrder, now: Date): PreservationOrder | null {
  if (!hasLapsed(order, now)) return null;
  return { ...order, status: orderLifecycle.next(order.status, 'expire'), endedAt: new Date(now) };
}

/** Legal staff end the order before its time. */
export function release(order: PreservationOrder, reason: string, at: Date): PreservationOrder {
  const status = orderLifecycle.next(order.status, 'release');
  const text = reason.trim();
  if (text === '')
    throw new DomainRuleViolation('reason_required', 'Give the reason for the release.', 'reason');
  if (text.length > MAX_RELEASE_REASON_LENGTH) {
    throw new DomainRuleViolation(
      'reason_too_long',
      `The reason may be at most ${MAX_RELEASE_REASON_LENGTH} characters.`,
      'reason',
    );
  }
  return { ...order, status, endedAt: new Date(at), releaseReason: text };
}

/**
 * A citing request is open (again): idempotent, so a redelivered event changes nothing. An order
 * that is over is not revived by a request citing it.
 */
export function cite(order: PreservationOrder, requestId: string): PreservationOrder {
  if (order.status !== 'active' || order.citedBy.includes(requestId)) return order;
  return { ...order, citedBy: [...order.citedBy, requestId] };
}

/** A citing request closed; the order may lapse at once if its end has passed (see `expire`). */
export function uncite(order: PreservationOrder, requestId: string): PreservationOrder {
  if (!order.citedBy.includes(requestId)) return order;
  return { ...order, citedBy: order.citedBy.filter((id) => id !== requestId) };
}

export interface Reminder {
  readonly daysLeft: number;
  readonly marker: string;
}

/**
 * The reminder due now, if any: only the most urgent threshold reached counts (a sweep that first
 * runs 2 days before the end sends the 3-day reminder alone), and each is sent once per end date.
 */
export function dueReminder(order: PreservationOrder, now: Date): Reminder | null {
  if (order.status !== 'active') return null;
  const end = order.preservedUntil.getTime();
  if (now.getTime() >= end) return null;
  const reached = REMINDER_DAYS.filter((days) => now.getTime() >= end - days * DAY_MS);
  if (reached.length === 0) return null;
  const marker = `${order.preservedUntil.toISOString()}/${Math.min(...reached)}`;
  if (order.remindersSent.includes(marker)) return null;
  return { daysLeft: daysLeft(order.preservedUntil, now), marker };
}

export const markReminded = (order: PreservationOrder, reminder: Reminder): PreservationOrder => ({
  ...order,
  remindersSent: [...order.remindersSent, reminder.marker],
});
