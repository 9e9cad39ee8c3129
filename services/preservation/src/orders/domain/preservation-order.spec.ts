import { DomainRuleViolation } from '@lers/domain';
import {
  cite,
  dueReminder,
  expire,
  extend,
  extensionsLeft,
  hasLapsed,
  isExpiryDeferred,
  markReminded,
  placeOrder,
  release,
  uncite,
  type PreservationOrder,
} from './preservation-order';
import { DAY_MS } from './preservation-period';

const received = new Date('2026-03-01T08:00:00.000Z');
const day = (n: number, ms = 0) => new Date(received.getTime() + n * DAY_MS + ms);

function violationOf(move: () => unknown): { code: string; field?: string; message: string } {
  try {
    move();
  } catch (error) {
    if (error instanceof DomainRuleViolation)
      return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a rule violation');
}

describe('a preservation order', () => {
  const order = placeOrder('standard', received);

  it('starts active, preserving for exactly 90 days, with nothing else yet', () => {
    expect(order).toEqual({
      status: 'active',
      instrument: 'standard',
      receivedAt: received,
      preservedUntil: day(90),
      extensions: [],
      citedBy: [],
      remindersSent: [],
      endedAt: null,
      releaseReason: null,
    });
    expect(order.receivedAt).not.toBe(received);
  });

  describe('extension', () => {
    it('adds 90 days to the current end, whenever it is asked', () => {
      const extended = extend(order, '  Production order on its way  ', day(80), 1);
      expect(extended.preservedUntil).toEqual(day(180));
      expect(extended.extensions).toEqual([
        { justification: 'Production order on its way', at: day(80), preservedUntil: day(180) },
      ]);
      expect(extended.status).toBe('active');
      expect(order.extensions).toEqual([]);
    });

    it('is refused past the configured maximum (default 1) with extension_limit_reached', () => {
      const once = extend(order, 'first extension', day(10), 1);
      expect(violationOf(() => extend(once, 'second extension', day(20), 1))).toEqual({
        code: 'extension_limit_reached',
        field: 'extensions',
        message: 'A standard preservation order may be extended at most 1 time.',
      });
      const twice = extend(extend(order, 'first', day(1), 2), 'second', day(2), 2);
      expect(twice.preservedUntil).toEqual(day(270));
      expect(violationOf(() => extend(twice, 'third', day(3), 2)).message).toBe(
        'A standard preservation order may be extended at most 2 times.',
      );
    });

    it('gives §2703(f) one 90-day renewal and EPOC-PR one 30-day extension, whatever the configuration', () => {
      const us = extend(placeOrder('us_2703f', received), 'renewal', day(1), 5);
      expect(us.preservedUntil).toEqual(day(180));
      expect(violationOf(() => extend(us, 'again', day(2), 5)).code).toBe('extension_limit_reached');
      const eu = placeOrder('eu_epoc_pr', received);
      expect(eu.preservedUntil).toEqual(day(60));
      const euExtended = extend(eu, 'production order coming', day(50), 5);
      expect(euExtended.preservedUntil).toEqual(day(90));
      expect(violationOf(() => extend(euExtended, 'again', day(51), 5)).code).toBe('extension_limit_reached');
    });

    it('is refused on an expired or released order (invalid_transition)', () => {
      const expired = expire(order, day(90))!;
      expect(violationOf(() => extend(expired, 'too late', day(91), 1))).toEqual({
        code: 'invalid_transition',
        field: 'status',
        message: 'Cannot extend a preservation order that is expired.',
      });
      const released = release(order, 'case dropped', day(5));
      expect(violationOf(() => extend(released, 'too late', day(6), 1)).code).toBe('invalid_transition');
    });

    it('is refused once the end has passed even before the sweep marked it expired', () => {
      expect(extend(order, 'last moment', day(90, -1), 1).preservedUntil).toEqual(day(180));
      expect(violationOf(() => extend(order, 'one ms late', day(90), 1))).toEqual({
        code: 'invalid_transition',
        field: 'status',
        message: 'The preservation order has expired; place a new one.',
      });
    });

    it('is allowed past the end while a citing request keeps the order', () => {
      const cited = cite(order, 'req-1');
      expect(extend(cited, 'still needed', day(95), 1).preservedUntil).toEqual(day(180));
    });

    it('needs a justification', () => {
      expect(violationOf(() => extend(order, '   ', day(1), 1))).toEqual({
        code: 'justification_required',
        field: 'justification',
        message: 'Say why the extension is needed.',
      });
    });

    it('counts the extensions left', () => {
      expect(extensionsLeft(order, 1)).toBe(1);
      expect(extensionsLeft(extend(order, 'needed', day(1), 1), 1)).toBe(0);
      expect(extensionsLeft(order, 3)).toBe(3);
      expect(extensionsLeft(placeOrder('eu_epoc_pr', received), 3)).toBe(1);
      expect(extensionsLeft(release(order, 'done', day(1)), 3)).toBe(0);
    });
  });

  describe('expiry', () => {
    it('does not happen a millisecond before the end, and happens exactly at it', () => {
      expect(expire(order, day(90, -1))).toBeNull();
      expect(hasLapsed(order, day(90, -1))).toBe(false);
      const expired = expire(order, day(90));
      expect(expired).toEqual({ ...order, status: 'expired', endedAt: day(90) });
      expect(hasLapsed(order, day(90))).toBe(true);
    });

    it('follows the extended end', () => {
      const extended = extend(order, 'needed', day(80), 1);
      expect(expire(extended, day(90))).toBeNull();
      expect(expire(extended, day(180))?.status).toBe('expired');
    });

    it('happens once: an expired or released order is not expired again', () => {
      const expired = expire(order, day(90))!;
      expect(expire(expired, day(100))).toBeNull();
      expect(expire(release(order, 'done', day(1)), day(100))).toBeNull();
      expect(hasLapsed(expired, day(100))).toBe(false);
    });

    it('is deferred while a citing request is open, and happens once the last one closes', () => {
      const cited = cite(cite(order, 'req-1'), 'req-2');
      expect(expire(cited, day(120))).toBeNull();
      expect(isExpiryDeferred(cited, day(120))).toBe(true);
      expect(isExpiryDeferred(cited, day(90, -1))).toBe(false);
      expect(isExpiryDeferred(order, day(120))).toBe(false);
      const one = uncite(cited, 'req-1');
      expect(one.citedBy).toEqual(['req-2']);
      expect(expire(one, day(120))).toBeNull();
      expect(expire(uncite(one, 'req-2'), day(120))?.status).toBe('expired');
      expect(isExpiryDeferred(expire(uncite(one, 'req-2'), day(120))!, day(120))).toBe(false);
    });
  });

  describe('citations', () => {
    it('are recorded once each and removed only for the request named', () => {
      const cited = cite(order, 'req-1');
      expect(cite(cited, 'req-1')).toBe(cited);
      expect(uncite(cited, 'req-9')).toBe(cited);
      expect(uncite(cited, 'req-1').citedBy).toEqual([]);
      expect(order.citedBy).toEqual([]);
    });

    it('do not revive an order that is over', () => {
      const expired = expire(order, day(90))!;
      expect(cite(expired, 'req-1')).toBe(expired);
      const released = release(order, 'done', day(1));
      expect(cite(released, 'req-1').citedBy).toEqual([]);
    });
  });

  describe('release', () => {
    it('ends an active order with the reason, trimmed', () => {
      expect(release(order, '  investigation closed  ', day(3))).toEqual({
        ...order,
        status: 'released',
        endedAt: day(3),
        releaseReason: 'investigation closed',
      });
    });

    it('is refused on an order already over', () => {
      const expired = expire(order, day(90))!;
      expect(violationOf(() => release(expired, 'late', day(91)))).toEqual({
        code: 'invalid_transition',
        field: 'status',
        message: 'Cannot release a preservation order that is expired.',
      });
      expect(violationOf(() => release(release(order, 'a', day(1)), 'b', day(2))).code).toBe(
        'invalid_transition',
      );
    });

    it('needs a reason of at most 2000 characters', () => {
      expect(violationOf(() => release(order, ' ', day(1)))).toEqual({
        code: 'reason_required',
        field: 'reason',
        message: 'Give the reason for the release.',
      });
      expect(release(order, 'x'.repeat(2000), day(1)).releaseReason).toHaveLength(2000);
      expect(violationOf(() => release(order, 'x'.repeat(2001), day(1)))).toEqual({
        code: 'reason_too_long',
        field: 'reason',
        message: 'The reason may be at most 2000 characters.',
      });
    });
  });

  describe('reminders', () => {
    const remindedAt = (o: PreservationOrder, at: Date) => {
      const due = dueReminder(o, at);
      return due ? markReminded(o, due) : o;
    };

    it('are not due before day 76 of 90', () => {
      expect(dueReminder(order, day(76, -1))).toBeNull();
      expect(dueReminder(order, day(0))).toBeNull();
    });

    it('sends the 14-day reminder from day 76, once', () => {
      expect(dueReminder(order, day(76))).toEqual({ daysLeft: 14, marker: `${day(90).toISOString()}/14` });
      const reminded = remindedAt(order, day(76));
      expect(reminded.remindersSent).toEqual([`${day(90).toISOString()}/14`]);
      expect(dueReminder(reminded, day(80))).toBeNull();
      expect(dueReminder(reminded, day(87, -1))).toBeNull();
    });

    it('sends the 3-day reminder from day 87, once', () => {
      const reminded = remindedAt(order, day(76));
      expect(dueReminder(reminded, day(87))).toEqual({ daysLeft: 3, marker: `${day(90).toISOString()}/3` });
      const twice = remindedAt(reminded, day(87));
      expect(dueReminder(twice, day(89))).toBeNull();
    });

    it('sends only the most urgent one when the sweep first runs late, with the real days left', () => {
      expect(dueReminder(order, day(88, 1))).toEqual({ daysLeft: 2, marker: `${day(90).toISOString()}/3` });
      expect(dueReminder(order, day(80, 1))?.daysLeft).toBe(10);
    });

    it('sends none at or after the end, nor for an order that is over', () => {
      expect(dueReminder(order, day(90))).toBeNull();
      expect(dueReminder(release(order, 'done', day(1)), day(80))).toBeNull();
      expect(dueReminder(cite(order, 'req-1'), day(95))).toBeNull();
    });

    it('starts again for the new end after an extension', () => {
      const reminded = remindedAt(remindedAt(order, day(76)), day(87));
      const extended = extend(reminded, 'more time', day(88), 1);
      expect(dueReminder(extended, day(88))).toBeNull();
      expect(dueReminder(extended, day(166))).toEqual({
        daysLeft: 14,
        marker: `${day(180).toISOString()}/14`,
      });
    });
  });
});
