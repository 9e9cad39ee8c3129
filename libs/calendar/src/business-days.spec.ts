import { DomainRuleViolation } from '@lers/domain';
import { addBusinessDays, isBusinessDayAt, isOverdue } from './business-days';
import { HolidayCalendar, SHIPPED_HOLIDAY_CALENDARS, Weekday } from './holiday-calendar';

function shipped(country: string): HolidayCalendar {
  const calendar = SHIPPED_HOLIDAY_CALENDARS.get(country);
  if (!calendar) throw new Error(`no shipped calendar for ${country}`);
  return calendar;
}

function calendar(timeZone: string, weekend: Weekday[] = [6, 0], holidays: string[] = []): HolidayCalendar {
  return { country: 'XX', timeZone, weekend, holidays };
}

const US = shipped('US');
const GB = shipped('GB');
const DE = shipped('DE');
const JP = shipped('JP');
const AE = shipped('AE');
const at = (iso: string) => new Date(iso);
const add = (start: string, days: number, on: HolidayCalendar) =>
  addBusinessDays(at(start), days, on).toISOString();

const localFormats = new Map<string, Intl.DateTimeFormat>();

/** How a person in `timeZone` reads `instant`, e.g. "Thu 12/02/2026, 00:00:00". */
function localParts(instant: Date, timeZone: string): string {
  let format = localFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    localFormats.set(timeZone, format);
  }
  return format.format(instant);
}

describe('addBusinessDays', () => {
  describe('on a business day', () => {
    it('keeps the local wall-clock time', () => {
      // Monday 2 February 2026 14:30 in New York (EST, UTC-5) → Thursday 14:30.
      expect(add('2026-02-02T19:30:00Z', 3, US)).toBe('2026-02-05T19:30:00.000Z');
    });

    it('skips the weekend', () => {
      // Friday 10:00 EST + 1 → Monday 10:00 EST.
      expect(add('2026-02-06T15:00:00Z', 1, US)).toBe('2026-02-09T15:00:00.000Z');
    });

    it('returns the start itself, as a new Date, for zero days', () => {
      const start = at('2026-02-04T15:00:00Z');
      const result = addBusinessDays(start, 0, US);
      expect(result).toEqual(start);
      expect(result).not.toBe(start);
    });

    it('keeps milliseconds', () => {
      expect(add('2026-02-02T19:30:05.123Z', 1, US)).toBe('2026-02-03T19:30:05.123Z');
    });

    it('does not mutate its input', () => {
      const start = at('2026-02-02T19:30:00Z');
      addBusinessDays(start, 3, US);
      expect(start.toISOString()).toBe('2026-02-02T19:30:00.000Z');
    });

    it('counts many days across weeks and months', () => {
      // Monday 2 February 2026 + 20 business days: Washington's Birthday (16 Feb) is skipped.
      expect(add('2026-02-02T15:00:00Z', 20, US)).toBe('2026-03-03T15:00:00.000Z');
    });
  });

  describe('on a weekend or holiday (the count starts at 00:00 of the next business day)', () => {
    it('Saturday + 3 is Thursday 00:00, the end of Wednesday', () => {
      // Saturday 7 February 2026 09:00 EST → Monday 00:00 is the start → Thursday 12 February 00:00 EST.
      const due = addBusinessDays(at('2026-02-07T14:00:00Z'), 3, US);
      expect(due.toISOString()).toBe('2026-02-12T05:00:00.000Z');
      expect(localParts(due, 'America/New_York')).toBe('Thu, 12/02/2026, 00:00:00');
    });

    it('gives the same deadline as a start at Monday 00:00', () => {
      const fromSaturday = add('2026-02-07T14:00:00Z', 3, US);
      const fromSundayNight = add('2026-02-09T04:59:59.999Z', 3, US);
      const fromMondayMidnight = add('2026-02-09T05:00:00Z', 3, US);
      expect(fromSaturday).toBe(fromMondayMidnight);
      expect(fromSundayNight).toBe(fromMondayMidnight);
    });

    it('a verification one millisecond after Monday 00:00 keeps its own time', () => {
      expect(add('2026-02-09T05:00:00.001Z', 3, US)).toBe('2026-02-12T05:00:00.001Z');
    });

    it('starts after a holiday on a weekday too', () => {
      // Martin Luther King Day, Monday 19 January 2026 10:00 → Tuesday 00:00 → Friday 23 January 00:00 EST.
      expect(add('2026-01-19T15:00:00Z', 3, US)).toBe('2026-01-23T05:00:00.000Z');
    });

    it('zero days moves to the start of the next business day', () => {
      expect(add('2026-02-07T14:00:00Z', 0, US)).toBe('2026-02-09T05:00:00.000Z');
    });

    it('judges the start by the local date, not the UTC one', () => {
      // 2026-02-08T16:00Z is Sunday in UTC but Monday 01:00 in Tokyo, a business day there.
      expect(add('2026-02-08T16:00:00Z', 1, JP)).toBe('2026-02-09T16:00:00.000Z');
      // 2026-02-06T23:00Z is Friday in UTC but Saturday 08:00 in Tokyo: the count starts Monday 00:00 JST.
      expect(add('2026-02-06T23:00:00Z', 1, JP)).toBe('2026-02-09T15:00:00.000Z');
    });
  });

  describe('holidays', () => {
    it('skips a single holiday', () => {
      // Wednesday before Thanksgiving 10:00 EST + 1 → Friday 27 November.
      expect(add('2026-11-25T15:00:00Z', 1, US)).toBe('2026-11-27T15:00:00.000Z');
    });

    it('skips a run of holidays and a weekend (Christmas in England)', () => {
      // Wednesday 23 December 2026 10:00 GMT: Thu 24 (1), Fri 25 holiday, weekend, Mon 28 substitute
      // Boxing Day, Tue 29 (2), Wed 30 (3).
      expect(add('2026-12-23T10:00:00Z', 3, GB)).toBe('2026-12-30T10:00:00.000Z');
    });

    it('skips Christmas Eve to Boxing Day plus the weekend', () => {
      const christmas = calendar('Europe/Berlin', [6, 0], ['2027-12-24', '2027-12-25', '2027-12-26']);
      // Thursday 23 December 2027 16:00 CET + 1 → Monday 27 December 16:00 CET.
      expect(add('2027-12-23T15:00:00Z', 1, christmas)).toBe('2027-12-27T15:00:00.000Z');
    });

    it('skips Good Friday and Easter Monday', () => {
      // Thursday 2 April 2026 09:00 CEST + 1 → Tuesday 7 April 09:00 CEST.
      expect(add('2026-04-02T07:00:00Z', 1, DE)).toBe('2026-04-07T07:00:00.000Z');
    });

    it('moves the deadline past a holiday that follows the last counted day', () => {
      // Saturday 21 November 2026 → Monday 00:00 start; Mon, Tue, Wed counted; Thursday is Thanksgiving:
      // the deadline is Friday 00:00, on the next business day.
      expect(add('2026-11-21T15:00:00Z', 3, US)).toBe('2026-11-27T05:00:00.000Z');
    });

    it('skips Japanese Golden Week and Silver Week', () => {
      // Thursday 30 April 2026 09:00 JST + 1 → Friday 1 May; + 2 → Thursday 7 May (3–6 May are off).
      expect(add('2026-04-30T00:00:00Z', 2, JP)).toBe('2026-05-07T00:00:00.000Z');
      // Friday 18 September 2026 09:00 JST + 1 → Thursday 24 September (21–23 are holidays).
      expect(add('2026-09-18T00:00:00Z', 1, JP)).toBe('2026-09-24T00:00:00.000Z');
    });
  });

  describe('year ends', () => {
    it('crosses into the next year', () => {
      // Thursday 31 December 2026 10:00 GMT + 1 → New Year's Day is off → Monday 4 January 2027.
      expect(add('2026-12-31T10:00:00Z', 1, GB)).toBe('2027-01-04T10:00:00.000Z');
    });

    it('honours a next-year holiday observed on 31 December', () => {
      // Thursday 30 December 2027 09:00 EST + 1: Friday 31 December is New Year's Day 2028 observed.
      expect(add('2027-12-30T14:00:00Z', 1, US)).toBe('2028-01-03T14:00:00.000Z');
    });

    it('walks past the last year the data covers using weekends only', () => {
      expect(add('2028-03-03T15:00:00Z', 1, US)).toBe('2028-03-06T15:00:00.000Z');
    });

    it('handles a leap day', () => {
      // Monday 28 February 2028 + 1 → Tuesday 29 February.
      expect(add('2028-02-28T15:00:00Z', 1, US)).toBe('2028-02-29T15:00:00.000Z');
    });
  });

  describe('daylight saving time', () => {
    it('keeps the wall time when clocks go forward in between', () => {
      // Friday 6 March 2026 10:00 EST → Monday 9 March 10:00 EDT (one hour less in UTC).
      expect(add('2026-03-06T15:00:00Z', 1, US)).toBe('2026-03-09T14:00:00.000Z');
      // Friday 27 March 2026 10:00 CET → Monday 30 March 10:00 CEST.
      expect(add('2026-03-27T09:00:00Z', 1, DE)).toBe('2026-03-30T08:00:00.000Z');
    });

    it('keeps the wall time when clocks go back in between', () => {
      // Friday 30 October 2026 10:00 EDT → Monday 2 November 10:00 EST.
      expect(add('2026-10-30T14:00:00Z', 1, US)).toBe('2026-11-02T15:00:00.000Z');
      // Friday 23 October 2026 10:00 BST → Monday 26 October 10:00 GMT.
      expect(add('2026-10-23T09:00:00Z', 1, GB)).toBe('2026-10-26T10:00:00.000Z');
    });

    it('moves a wall time that does not exist on the due date forward by the gap', () => {
      // With a Friday–Saturday weekend Sunday 8 March 2026 is a business day in New York, and its
      // 02:00–03:00 never happens. Thursday 02:30 EST + 1 → Sunday 03:30 EDT.
      const fridaySaturday = calendar('America/New_York', [5, 6]);
      const due = addBusinessDays(at('2026-03-05T07:30:00Z'), 1, fridaySaturday);
      expect(due.toISOString()).toBe('2026-03-08T07:30:00.000Z');
      expect(localParts(due, 'America/New_York')).toBe('Sun, 08/03/2026, 03:30:00');
    });

    it('resolves a wall time that happens twice to its first occurrence', () => {
      // Sunday 1 November 2026 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
      const fridaySaturday = calendar('America/New_York', [5, 6]);
      expect(add('2026-10-29T05:30:00Z', 1, fridaySaturday)).toBe('2026-11-01T05:30:00.000Z');
    });

    it('leaves a start in the repeated hour untouched when adding zero days', () => {
      const fridaySaturday = calendar('America/New_York', [5, 6]);
      expect(add('2026-11-01T06:30:00Z', 0, fridaySaturday)).toBe('2026-11-01T06:30:00.000Z');
    });

    it('moves a non-existent midnight forward too', () => {
      // Chile springs forward at midnight: Sunday 6 September 2026 starts at 01:00 (UTC-3).
      const chile = calendar('America/Santiago', [5, 6]);
      expect(add('2026-09-05T16:00:00Z', 0, chile)).toBe('2026-09-06T04:00:00.000Z');
    });
  });

  describe('weekends other than Saturday and Sunday', () => {
    it('counts Friday as a business day in the United Arab Emirates', () => {
      // Thursday 5 February 2026 10:00 GST + 1 → Friday 6 February 10:00 GST.
      expect(add('2026-02-05T06:00:00Z', 1, AE)).toBe('2026-02-06T06:00:00.000Z');
    });

    it('honours a custom weekend', () => {
      const fridaySaturday = calendar('Asia/Riyadh', [5, 6]);
      // Thursday 5 February 2026 10:00 AST + 1 → Sunday 8 February 10:00 AST.
      expect(add('2026-02-05T07:00:00Z', 1, fridaySaturday)).toBe('2026-02-08T07:00:00.000Z');
    });
  });

  describe('refuses', () => {
    it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('a day count of %p', (days) => {
      expect(() => addBusinessDays(at('2026-02-02T15:00:00Z'), days, US)).toThrow(
        expect.objectContaining({ code: 'invalid_business_days' }),
      );
    });

    it('an invalid start date', () => {
      expect(() => addBusinessDays(new Date('not a date'), 1, US)).toThrow(
        expect.objectContaining({ code: 'invalid_date' }),
      );
    });

    it('a calendar without a single working day', () => {
      const never = calendar('UTC', [0, 1, 2, 3, 4, 5, 6]);
      expect(() => addBusinessDays(at('2026-02-02T15:00:00Z'), 1, never)).toThrow(DomainRuleViolation);
    });
  });

  describe('invariants over two years of starts', () => {
    const countries = ['US', 'GB', 'DE', 'FR', 'SG', 'AE', 'JP'];
    const step = 13 * 3_600_000 + 17 * 60_000;

    it.each(countries)(
      '%s: the deadline is later, on a business day, at the start time or at midnight',
      (country) => {
        const on = shipped(country);
        for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2028-01-01T00:00:00Z'); t += step) {
          const start = new Date(t);
          const due = addBusinessDays(start, 3, on);
          expect(due.getTime()).toBeGreaterThan(start.getTime());
          expect(isBusinessDayAt(due, on)).toBe(true);
          const dueTime = localParts(due, on.timeZone).slice(-8);
          const expectedTime = isBusinessDayAt(start, on)
            ? localParts(start, on.timeZone).slice(-8)
            : '00:00:00';
          expect(dueTime).toBe(expectedTime);
        }
      },
    );
  });
});

describe('isBusinessDayAt', () => {
  it('is false on weekends and holidays and true otherwise, in local time', () => {
    expect(isBusinessDayAt(at('2026-02-02T15:00:00Z'), US)).toBe(true);
    expect(isBusinessDayAt(at('2026-02-07T15:00:00Z'), US)).toBe(false);
    expect(isBusinessDayAt(at('2026-07-03T15:00:00Z'), US)).toBe(false);
    // 03:00Z on Monday 2 February is still Sunday evening in New York.
    expect(isBusinessDayAt(at('2026-02-02T03:00:00Z'), US)).toBe(false);
  });
});

describe('isOverdue', () => {
  const due = at('2026-02-12T05:00:00Z');

  it('is not overdue before or at the deadline', () => {
    expect(isOverdue(due, at('2026-02-12T04:59:59.999Z'))).toBe(false);
    expect(isOverdue(due, at('2026-02-12T05:00:00Z'))).toBe(false);
  });

  it('is overdue once the deadline has passed', () => {
    expect(isOverdue(due, at('2026-02-12T05:00:00.001Z'))).toBe(true);
  });

  it('is never overdue without a deadline', () => {
    expect(isOverdue(null, at('2030-01-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(undefined, at('2030-01-01T00:00:00Z'))).toBe(false);
  });
});
