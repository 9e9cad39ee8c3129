import { DomainRuleViolation } from '@lers/domain';
import {
  calendarFor,
  coversYear,
  isValidLocalDate,
  isValidTimeZone,
  loadHolidayCalendars,
  SHIPPED_HOLIDAY_CALENDARS,
} from './holiday-calendar';
import shippedData from './holiday-calendars.json';

const valid = {
  XX: { timeZone: 'Europe/Vienna', years: [2026], holidays: [{ date: '2026-10-26', name: 'National Day' }] },
};

function problemsOf(json: unknown): string {
  try {
    loadHolidayCalendars(json);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainRuleViolation);
    expect((error as DomainRuleViolation).code).toBe('invalid_holiday_calendar');
    return (error as DomainRuleViolation).message;
  }
  throw new Error('expected the data to be refused');
}

describe('shipped holiday calendars', () => {
  it.each([
    ['US', 'America/New_York'],
    ['GB', 'Europe/London'],
    ['DE', 'Europe/Berlin'],
    ['FR', 'Europe/Paris'],
    ['SG', 'Asia/Singapore'],
    ['AE', 'Asia/Dubai'],
    ['JP', 'Asia/Tokyo'],
  ])('%s uses %s and covers 2026 and 2027', (country, timeZone) => {
    const calendar = SHIPPED_HOLIDAY_CALENDARS.get(country);
    expect(calendar).toMatchObject({ country, timeZone });
    expect(coversYear(calendar!, 2026)).toBe(true);
    expect(coversYear(calendar!, 2027)).toBe(true);
    expect(calendar!.holidays.length).toBeGreaterThan(0);
  });

  it('rests on Saturday and Sunday everywhere, including the UAE since 2022', () => {
    for (const calendar of SHIPPED_HOLIDAY_CALENDARS.values()) {
      expect([...calendar.weekend].sort()).toEqual([0, 6]);
    }
  });

  it('keeps each calendar’s holidays sorted and unique', () => {
    for (const calendar of SHIPPED_HOLIDAY_CALENDARS.values()) {
      expect([...new Set(calendar.holidays)].sort()).toEqual(calendar.holidays);
    }
  });

  it('lists the US holidays on the days they are observed, never on a weekend', () => {
    const us = SHIPPED_HOLIDAY_CALENDARS.get('US')!;
    for (const date of us.holidays)
      expect([1, 2, 3, 4, 5]).toContain(new Date(`${date}T12:00:00Z`).getUTCDay());
    expect(us.holidays).toEqual(
      expect.arrayContaining(['2026-07-03', '2027-06-18', '2027-12-24', '2027-12-31']),
    );
  });

  it('knows the moveable feasts', () => {
    const de = SHIPPED_HOLIDAY_CALENDARS.get('DE')!.holidays;
    // Easter Sunday is 5 April 2026 and 28 March 2027.
    expect(de).toEqual(expect.arrayContaining(['2026-04-03', '2026-04-06', '2026-05-14', '2026-05-25']));
    expect(de).toEqual(expect.arrayContaining(['2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17']));
    expect(SHIPPED_HOLIDAY_CALENDARS.get('GB')!.holidays).toEqual(
      expect.arrayContaining(['2026-12-28', '2027-12-28']),
    );
    expect(SHIPPED_HOLIDAY_CALENDARS.get('JP')!.holidays).toEqual(
      expect.arrayContaining(['2026-09-22', '2027-03-22']),
    );
  });

  it('names every holiday in the data', () => {
    for (const entry of Object.values(shippedData)) {
      for (const holiday of entry.holidays) expect(holiday.name.trim()).not.toBe('');
    }
  });
});

describe('loadHolidayCalendars', () => {
  it('builds calendars from valid data, defaulting the weekend to Saturday and Sunday', () => {
    const calendars = loadHolidayCalendars(valid);
    expect(calendars.get('XX')).toEqual({
      country: 'XX',
      timeZone: 'Europe/Vienna',
      weekend: [6, 0],
      holidays: ['2026-10-26'],
      coveredYears: [2026],
    });
  });

  it('keeps an explicit weekend and sorts the holidays', () => {
    const calendars = loadHolidayCalendars({
      XX: {
        timeZone: 'Asia/Riyadh',
        weekend: [5, 6],
        years: [2026],
        notes: 'test data',
        holidays: [
          { date: '2026-09-23', name: 'National Day' },
          { date: '2026-02-22', name: 'Founding Day' },
        ],
      },
    });
    expect(calendars.get('XX')).toMatchObject({ weekend: [5, 6], holidays: ['2026-02-22', '2026-09-23'] });
  });

  it('accepts a calendar with no holidays', () => {
    expect(
      loadHolidayCalendars({ XX: { timeZone: 'UTC', years: [2026], holidays: [] } }).get('XX')?.holidays,
    ).toEqual([]);
  });

  it.each([null, [], 'US', 42])('refuses %p as a whole', (json) => {
    expect(problemsOf(json)).toContain('must be an object keyed by country');
  });

  it('names an unknown time zone', () => {
    expect(problemsOf({ XX: { ...valid.XX, timeZone: 'Europe/Atlantis' } })).toContain(
      'XX.timeZone: unknown time zone "Europe/Atlantis"',
    );
    expect(problemsOf({ XX: { ...valid.XX, timeZone: '' } })).toContain('XX.timeZone');
    expect(problemsOf({ XX: { ...valid.XX, timeZone: 3 } })).toContain('XX.timeZone');
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-01', '26-01-01', '2026-01-01T00:00:00Z', ''])(
    'names the entry with the bad date %p',
    (date) => {
      const data = {
        XX: {
          ...valid.XX,
          holidays: [
            { date: '2026-01-01', name: 'New Year' },
            { date, name: 'Broken' },
          ],
        },
      };
      expect(problemsOf(data)).toContain('XX.holidays[1]: date must be a real YYYY-MM-DD date');
    },
  );

  it('names holidays that are not objects or have no date', () => {
    expect(problemsOf({ XX: { ...valid.XX, holidays: ['2026-01-01'] } })).toContain('XX.holidays[0]');
    expect(problemsOf({ XX: { ...valid.XX, holidays: [{ name: 'No date' }] } })).toContain('XX.holidays[0]');
  });

  it('names a holiday without a name', () => {
    expect(problemsOf({ XX: { ...valid.XX, holidays: [{ date: '2026-01-01', name: ' ' }] } })).toContain(
      'XX.holidays[0]: needs a name',
    );
  });

  it('names a holiday listed twice', () => {
    const holidays = [
      { date: '2026-01-01', name: 'New Year' },
      { date: '2026-01-01', name: 'New Year again' },
    ];
    expect(problemsOf({ XX: { ...valid.XX, holidays } })).toContain(
      'XX.holidays[1]: 2026-01-01 is listed twice',
    );
  });

  it('names a holiday outside the covered years', () => {
    const holidays = [{ date: '2028-01-01', name: 'New Year' }];
    expect(problemsOf({ XX: { ...valid.XX, holidays } })).toContain(
      'XX.holidays[0]: 2028-01-01 is outside the covered years',
    );
  });

  it.each([
    ['all seven days', [0, 1, 2, 3, 4, 5, 6]],
    ['a day that does not exist', [7]],
    ['a repeated day', [6, 6]],
    ['a fraction', [5.5]],
    ['not a list', 'Sat,Sun'],
  ])('refuses a weekend of %s', (_case, weekend) => {
    expect(problemsOf({ XX: { ...valid.XX, weekend } })).toContain('XX.weekend');
  });

  it.each([undefined, [], [2026.5], '2026'])('refuses covered years %p', (years) => {
    expect(problemsOf({ XX: { ...valid.XX, years } })).toContain('XX.years');
  });

  it('refuses a country code that is not ISO alpha-2 and an entry that is not an object', () => {
    expect(problemsOf({ usa: valid.XX })).toContain('usa: not an ISO 3166-1 alpha-2 country code');
    expect(problemsOf({ XX: 'Europe/Vienna' })).toContain('XX: must be an object');
  });

  it('refuses holidays that are not a list and notes that are not text', () => {
    expect(problemsOf({ XX: { ...valid.XX, holidays: {} } })).toContain('XX.holidays: must be a list');
    expect(problemsOf({ XX: { ...valid.XX, notes: 1 } })).toContain('XX.notes: must be text');
  });

  it('reports every problem at once', () => {
    const message = problemsOf({
      XX: { ...valid.XX, timeZone: 'Nowhere/Special' },
      YY: { ...valid.XX, holidays: [{ date: '2026-02-29', name: 'Not a leap year' }] },
      ZZ: valid.XX,
    });
    expect(message).toContain('XX.timeZone');
    expect(message).toContain('YY.holidays[0]');
    expect(message).not.toContain('ZZ');
  });
});

describe('calendarFor', () => {
  const calendars = SHIPPED_HOLIDAY_CALENDARS;

  it('finds a country’s calendar, whatever the case or spacing', () => {
    expect(calendarFor('JP', calendars, 'US').country).toBe('JP');
    expect(calendarFor(' gb ', calendars, 'US').country).toBe('GB');
  });

  it('falls back when the country has no calendar or is unknown', () => {
    expect(calendarFor('BR', calendars, 'US').country).toBe('US');
    expect(calendarFor(null, calendars, 'GB').country).toBe('GB');
    expect(calendarFor(undefined, calendars, 'gb').country).toBe('GB');
    expect(calendarFor('', calendars, 'DE').country).toBe('DE');
  });

  it('refuses when neither the country nor the fallback has a calendar', () => {
    expect(() => calendarFor('BR', calendars, 'AR')).toThrow(
      expect.objectContaining({ code: 'unknown_holiday_calendar' }),
    );
  });
});

describe('coversYear', () => {
  it('is false for years the data does not list and for hand-built calendars', () => {
    expect(coversYear(SHIPPED_HOLIDAY_CALENDARS.get('US')!, 2025)).toBe(false);
    expect(coversYear({ country: 'XX', timeZone: 'UTC', weekend: [6, 0], holidays: [] }, 2026)).toBe(false);
  });
});

describe('isValidLocalDate', () => {
  it.each(['2026-01-01', '2028-02-29', '2026-12-31'])('accepts %s', (date) => {
    expect(isValidLocalDate(date)).toBe(true);
  });

  it.each(['2027-02-29', '2026-04-31', '2026-00-10', '2026-01-00', '2026-1-1', ' 2026-01-01', 'yesterday'])(
    'refuses %p',
    (date) => {
      expect(isValidLocalDate(date)).toBe(false);
    },
  );
});

describe('isValidTimeZone', () => {
  it('accepts IANA zones and UTC', () => {
    expect(isValidTimeZone('Asia/Dubai')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  it('refuses unknown and empty zones', () => {
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('  ')).toBe(false);
  });
});
