import type { HolidayCalendar } from '@lers/calendar';
import { violationOf } from '@lers/domain';
import { DEADLINES_BY_INSTRUMENT, DEFAULT_DEADLINES } from './deadline-policy';
import { deadlinesFor, dueBy } from './response-deadline';
import type { ProcessType } from './submission-rules';

const due = (type: ProcessType, emergency: boolean, submittedAt: string, country: string) =>
  dueBy(type, emergency, new Date(submittedAt), country).toISOString();

describe('the deadline table', () => {
  it('holds 10 business days and 24 hours by default', () => {
    expect(DEFAULT_DEADLINES.standard).toEqual({ businessDays: 10 });
    expect(DEFAULT_DEADLINES.emergency).toEqual({ hours: 24 });
  });

  it('holds the EU production order periods and the date the Regulation applies from', () => {
    expect(DEADLINES_BY_INSTRUMENT.eu_production_order).toMatchObject({
      standard: { calendarDays: 10 },
      emergency: { hours: 8 },
      inForceFrom: '2026-08-18T00:00:00+02:00',
    });
  });

  it.each(['subpoena', 'court_order', 'search_warrant', 'police_order', 'mlat'] as const)(
    'uses the default for a %s',
    (type) => {
      expect(deadlinesFor(type)).toBe(DEFAULT_DEADLINES);
    },
  );

  it('names where every period comes from', () => {
    for (const deadlines of [DEFAULT_DEADLINES, ...Object.values(DEADLINES_BY_INSTRUMENT)]) {
      expect(deadlines.legalBasis).toMatch(/\w{4}/);
    }
    expect(DEADLINES_BY_INSTRUMENT.eu_production_order?.legalBasis).toContain('2023/1543');
  });

  it('does not mistake Object members for instruments', () => {
    expect(deadlinesFor('constructor' as ProcessType)).toBe(DEFAULT_DEADLINES);
  });
});

describe('10 business days on the reviewing team’s calendar', () => {
  it('keeps the local time of submission, to the millisecond', () => {
    // Monday 2 March 2026 10:00:00.123 Berlin → Monday 16 March, same time.
    expect(due('court_order', false, '2026-03-02T09:00:00.123Z', 'DE')).toBe('2026-03-16T09:00:00.123Z');
  });

  it('skips weekends and Easter, and keeps the wall-clock time across the clock change', () => {
    // Wed 25 March 14:30 CET; Good Friday 3 and Easter Monday 6 April are holidays; due Fri 10 April 14:30 CEST.
    expect(due('search_warrant', false, '2026-03-25T13:30:00.000Z', 'DE')).toBe('2026-04-10T12:30:00.000Z');
  });

  it('crosses the year end on the United States calendar (25 December and 1 January off)', () => {
    // Friday 18 December 10:00 New York → Tuesday 5 January 2027 10:00.
    expect(due('subpoena', false, '2026-12-18T15:00:00.000Z', 'US')).toBe('2027-01-05T15:00:00.000Z');
  });

  it('crosses the year end on the British calendar (25 and 28 December, 1 January off)', () => {
    expect(due('subpoena', false, '2026-12-18T15:00:00.000Z', 'GB')).toBe('2027-01-06T15:00:00.000Z');
  });

  it('counts a Saturday submission from 00:00 of the next business day', () => {
    // Saturday 7 March 2026 → counted from Monday 9 March 00:00 Berlin → Monday 23 March 00:00 CET.
    expect(due('court_order', false, '2026-03-07T15:45:00.000Z', 'DE')).toBe('2026-03-22T23:00:00.000Z');
  });

  it('takes the country case-insensitively and refuses one without a calendar', () => {
    expect(due('court_order', false, '2026-03-02T09:00:00.123Z', 'de')).toBe('2026-03-16T09:00:00.123Z');
    expect(violationOf(() => due('court_order', false, '2026-03-02T09:00:00Z', 'ZZ')).code).toBe(
      'unknown_holiday_calendar',
    );
  });

  it('uses the calendars it is given', () => {
    const noHolidays: HolidayCalendar = { country: 'XX', timeZone: 'UTC', weekend: [6, 0], holidays: [] };
    const calendars = new Map([['XX', noHolidays]]);
    // Monday + 10 business days with no holidays: two weeks later.
    expect(dueBy('court_order', false, new Date('2026-12-21T08:00:00Z'), 'XX', calendars).toISOString()).toBe(
      '2027-01-04T08:00:00.000Z',
    );
  });
});

describe('emergencies', () => {
  it('gives any ordinary instrument 24 hours on an emergency, weekends included', () => {
    expect(due('court_order', true, '2026-03-07T10:15:30.123Z', 'DE')).toBe('2026-03-08T10:15:30.123Z');
  });

  it('gives an emergency request 24 elapsed hours, whatever its flag and the clock change', () => {
    expect(due('emergency', true, '2026-03-28T12:00:00.000Z', 'DE')).toBe('2026-03-29T12:00:00.000Z');
    expect(due('emergency', false, '2026-03-28T12:00:00.000Z', 'DE')).toBe('2026-03-29T12:00:00.000Z');
  });
});

describe('EU production orders (Regulation (EU) 2023/1543)', () => {
  it('gives 10 calendar days, weekends and holidays included', () => {
    expect(due('eu_production_order', false, '2026-12-18T15:00:00.007Z', 'DE')).toBe(
      '2026-12-28T15:00:00.007Z',
    );
  });

  it('counts calendar days as elapsed time across a clock change', () => {
    expect(due('eu_production_order', false, '2026-10-20T10:00:00.000Z', 'DE')).toBe(
      '2026-10-30T10:00:00.000Z',
    );
  });

  it('gives 8 hours in an emergency', () => {
    expect(due('eu_production_order', true, '2026-12-31T20:30:00.500Z', 'DE')).toBe(
      '2027-01-01T04:30:00.500Z',
    );
  });

  it('applies from 18 August 2026, midnight in Brussels, and not a millisecond earlier', () => {
    expect(due('eu_production_order', false, '2026-08-17T22:00:00.000Z', 'DE')).toBe(
      '2026-08-27T22:00:00.000Z',
    );
    expect(due('eu_production_order', true, '2026-08-17T22:00:00.000Z', 'DE')).toBe(
      '2026-08-18T06:00:00.000Z',
    );
    for (const emergency of [false, true]) {
      const violation = violationOf(() =>
        due('eu_production_order', emergency, '2026-08-17T21:59:59.999Z', 'DE'),
      );
      expect(violation.code).toBe('instrument_not_in_force');
      expect(violation.field).toBe('processType');
      expect(violation.message).toBe(
        'This instrument (eu_production_order) applies only from 2026-08-18T00:00:00+02:00.',
      );
    }
  });

  it('does not hold other instruments to that date', () => {
    expect(due('court_order', true, '2026-08-17T21:59:59.999Z', 'DE')).toBe('2026-08-18T21:59:59.999Z');
  });
});

it('refuses a submission time that is not a date', () => {
  for (const type of ['court_order', 'emergency', 'eu_production_order'] as const) {
    const violation = violationOf(() => dueBy(type, false, new Date('not a date'), 'DE'));
    expect(violation.code).toBe('invalid_date');
    expect(violation.field).toBe('submittedAt');
    expect(violation.message).toMatch(/not a valid date/);
  }
});
