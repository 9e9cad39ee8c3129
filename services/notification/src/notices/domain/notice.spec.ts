import { DomainRuleViolation } from '@lers/domain';
import {
  delivered,
  deliveryFailed,
  endOrder,
  openNotice,
  orderRuns,
  ORDER_REVIEW_EVERY_MS,
  remindOfOrder,
  waive,
  type Notice,
  type UserMatch,
} from './notice';

const now = new Date('2026-05-01T12:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const user: UserMatch = { kind: 'one', userId: 'U-1', email: 'jo@example.com' };
const free = { ordered: false, upheld: false };
const dated = { ordered: true, upheld: true, until: '2026-06-01T00:00:00.000Z' };
const openEnded = { ordered: true, upheld: true };

function thrown(rule: () => unknown): DomainRuleViolation {
  try {
    rule();
  } catch (error) {
    return error as DomainRuleViolation;
  }
  throw new Error('the rule did not refuse');
}

describe('orderRuns', () => {
  it('holds only an upheld order, until its end (exclusive) or for ever without one', () => {
    expect(orderRuns(free, now)).toBe(false);
    expect(orderRuns({ ordered: true, upheld: false, until: dated.until }, now)).toBe(false);
    expect(orderRuns(dated, now)).toBe(true);
    expect(orderRuns(openEnded, now)).toBe(true);
    expect(orderRuns({ ...dated, until: now.toISOString() }, now)).toBe(false);
    expect(orderRuns({ ...dated, until: later(1).toISOString() }, now)).toBe(true);
  });
});

describe('openNotice', () => {
  it('sends to the one matching user at once when no upheld order runs', () => {
    expect(openNotice(free, user, now)).toEqual({
      notice: {
        status: 'pending',
        reason: 'sending',
        userId: 'U-1',
        email: 'jo@example.com',
        orderUntil: null,
        reviewDueAt: null,
        settled: null,
      },
      effects: { sendTo: { userId: 'U-1', email: 'jo@example.com' } },
    });
  });

  it('an order staff did not uphold does not hold the notice back', () => {
    expect(openNotice({ ordered: true, upheld: false }, user, now).notice.reason).toBe('sending');
  });

  it('holds the notice under an upheld dated order and settles the subject as suppressed at once', () => {
    expect(openNotice(dated, user, now)).toEqual({
      notice: {
        status: 'suppressed',
        reason: 'non_disclosure_order',
        userId: null,
        email: null,
        orderUntil: new Date(dated.until),
        reviewDueAt: null,
        settled: 'suppressed',
      },
      effects: { settle: 'suppressed' },
    });
  });

  it('an open-ended order needs a staff decision: alerted now, reviewed every 90 days', () => {
    const { notice, effects } = openNotice(openEnded, { kind: 'none' }, now);
    expect(notice).toMatchObject({ status: 'suppressed', orderUntil: null, settled: 'suppressed' });
    expect(notice.reviewDueAt).toEqual(later(ORDER_REVIEW_EVERY_MS));
    expect(ORDER_REVIEW_EVERY_MS).toBe(90 * 86_400_000);
    expect(effects).toEqual({ settle: 'suppressed', alert: 'non_disclosure_open_ended' });
  });

  it('an order already past at approval holds nothing', () => {
    expect(openNotice({ ...dated, until: '2026-04-01T00:00:00.000Z' }, user, now).notice.status).toBe(
      'pending',
    );
  });

  it('with no matching user, or several, the notice waits for staff and they are alerted', () => {
    expect(openNotice(free, { kind: 'none' }, now)).toEqual({
      notice: {
        status: 'pending',
        reason: 'no_matching_user',
        userId: null,
        email: null,
        orderUntil: null,
        reviewDueAt: null,
        settled: null,
      },
      effects: { alert: 'notice_no_matching_user' },
    });
    const ambiguous = openNotice(free, { kind: 'ambiguous' }, now);
    expect(ambiguous.notice.reason).toBe('ambiguous_user');
    expect(ambiguous.effects).toEqual({ alert: 'notice_ambiguous_user' });
  });
});

describe('endOrder', () => {
  const held = openNotice(dated, user, now).notice;
  const heldOpen = openNotice(openEnded, user, now).notice;
  const afterEnd = new Date(dated.until);

  it('when the order lapses the user is told, and the gate is not settled a second time', () => {
    expect(endOrder(held, user, afterEnd, 'lapse')).toEqual({
      notice: {
        status: 'pending',
        reason: 'sending',
        userId: 'U-1',
        email: 'jo@example.com',
        orderUntil: null,
        reviewDueAt: null,
        settled: 'suppressed',
      },
      effects: { sendTo: { userId: 'U-1', email: 'jo@example.com' } },
    });
  });

  it('a lapsed order with nobody to tell goes to staff', () => {
    expect(endOrder(held, { kind: 'none' }, afterEnd, 'lapse').effects).toEqual({
      alert: 'notice_no_matching_user',
    });
  });

  it('refuses a lapse before the end date, or of an order without one', () => {
    expect(thrown(() => endOrder(held, user, new Date(afterEnd.getTime() - 1), 'lapse')).code).toBe(
      'invalid_transition',
    );
    expect(thrown(() => endOrder(heldOpen, user, later(10 * ORDER_REVIEW_EVERY_MS), 'lapse')).message).toBe(
      'The non-disclosure order has not lapsed.',
    );
  });

  it('staff may end any running order, dated or not', () => {
    expect(endOrder(heldOpen, user, now, 'staff').notice.reason).toBe('sending');
    expect(endOrder(held, user, now, 'staff').notice.reason).toBe('sending');
  });

  it('refuses a notice no order holds', () => {
    const sending = openNotice(free, user, now).notice;
    expect(thrown(() => endOrder(sending, user, now, 'staff')).message).toBe(
      'Only a notice held by a non-disclosure order can be released, not one pending (sending).',
    );
    const waived = waive(openNotice(free, { kind: 'none' }, now).notice).notice;
    expect(thrown(() => endOrder(waived, user, now, 'staff')).code).toBe('invalid_transition');
  });
});

describe('delivery outcomes', () => {
  const sending = openNotice(free, user, now).notice;

  it('a delivered e-mail settles the subject as delivered', () => {
    expect(delivered(sending)).toEqual({
      notice: { ...sending, status: 'delivered', settled: 'delivered' },
      effects: { settle: 'delivered' },
    });
  });

  it('a notice sent after its order lapsed was settled already: no second settlement', () => {
    const lapsed = endOrder(openNotice(dated, user, now).notice, user, new Date(dated.until), 'lapse').notice;
    expect(delivered(lapsed)).toEqual({
      notice: { ...lapsed, status: 'delivered', settled: 'suppressed' },
      effects: {},
    });
  });

  it('a final failure marks the notice failed and alerts staff, without settling', () => {
    expect(deliveryFailed(sending)).toEqual({
      notice: { ...sending, status: 'failed', reason: 'delivery_failed' },
      effects: { alert: 'notice_failed' },
    });
  });

  it('leaves alone a notice that is not being sent', () => {
    const done = delivered(sending)!.notice;
    for (const notice of [
      done,
      openNotice(dated, user, now).notice,
      openNotice(free, { kind: 'none' }, now).notice,
    ]) {
      expect(delivered(notice)).toBeNull();
      expect(deliveryFailed(notice)).toBeNull();
    }
  });
});

describe('waive', () => {
  it('releases a subject nobody matches, or several match, as waived', () => {
    for (const match of [{ kind: 'none' }, { kind: 'ambiguous' }] as UserMatch[]) {
      const pending = openNotice(free, match, now).notice;
      expect(waive(pending)).toEqual({
        notice: { ...pending, status: 'suppressed', reason: 'waived', settled: 'waived' },
        effects: { settle: 'waived' },
      });
    }
  });

  it('a failed delivery may be waived', () => {
    const failed = deliveryFailed(openNotice(free, user, now).notice)!.notice;
    expect(waive(failed).effects).toEqual({ settle: 'waived' });
  });

  it('after a lapse the gate was settled already: waiving does not settle it again', () => {
    const lapsed = endOrder(
      openNotice(dated, user, now).notice,
      { kind: 'none' },
      new Date(dated.until),
      'lapse',
    );
    expect(waive(lapsed.notice)).toEqual({
      notice: { ...lapsed.notice, status: 'suppressed', reason: 'waived', settled: 'suppressed' },
      effects: {},
    });
  });

  it('refuses a notice being sent, delivered or held by an order', () => {
    const sending = openNotice(free, user, now).notice;
    const notices: Notice[] = [sending, delivered(sending)!.notice, openNotice(dated, user, now).notice];
    for (const notice of notices) expect(thrown(() => waive(notice)).code).toBe('invalid_transition');
    expect(thrown(() => waive(sending)).message).toBe(
      'Only a notice with no user to send to or whose delivery failed can be waived, not one pending (sending).',
    );
  });
});

describe('remindOfOrder', () => {
  const held = openNotice(openEnded, user, now).notice;
  const due = held.reviewDueAt!;

  it('reminds staff when the review is due and sets the next one 90 days on', () => {
    expect(remindOfOrder(held, due)).toEqual({
      notice: { ...held, reviewDueAt: new Date(due.getTime() + ORDER_REVIEW_EVERY_MS) },
      effects: { alert: 'non_disclosure_open_ended' },
    });
  });

  it('not before it is due', () => {
    expect(remindOfOrder(held, new Date(due.getTime() - 1))).toBeNull();
  });

  it('after a long outage owes one reminder, the next one still in the future', () => {
    const late = new Date(due.getTime() + 2 * ORDER_REVIEW_EVERY_MS);
    expect(remindOfOrder(held, late)!.notice.reviewDueAt).toEqual(
      new Date(due.getTime() + 3 * ORDER_REVIEW_EVERY_MS),
    );
  });

  it('never for a dated order or a notice no order holds', () => {
    expect(remindOfOrder(openNotice(dated, user, now).notice, later(10 * ORDER_REVIEW_EVERY_MS))).toBeNull();
    expect(remindOfOrder({ ...openNotice(free, user, now).notice, reviewDueAt: now }, now)).toBeNull();
  });
});
