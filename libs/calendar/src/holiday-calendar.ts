import { DomainRuleViolation } from '@lers/domain';
import shippedCalendarData from './holiday-calendars.json';

/** Day of the week as `Date#getUTCDay` numbers it: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const SATURDAY_SUNDAY: readonly Weekday[] = [6, 0];

/** The days on which nobody is expected to work in one country. */
export interface HolidayCalendar {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  /** IANA time zone in which the calendar's days begin and end. */
  readonly timeZone: string;
  readonly weekend: readonly Weekday[];
  /** Local dates, `YYYY-MM-DD`. */
  readonly holidays: readonly string[];
  /** Years whose holidays the data claims to list completely; absent on hand-built calendars. */
  readonly coveredYears?: readonly number[];
}

export type HolidayCalendars = ReadonlyMap<string, HolidayCalendar>;

const COUNTRY_CODE = /^[A-Z]{2}$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWeekday(value: unknown): value is Weekday {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 6;
}

/**
 * Validates holiday data shaped like `holiday-calendars.json`:
 * `{ "<CC>": { timeZone, weekend?, years, notes?, holidays: [{ date, name }] } }`.
 * Every problem is reported at once, each naming its entry, so a bad data change fails loudly at boot.
 */
export function loadHolidayCalendars(json: unknown): HolidayCalendars {
  if (!isRecord(json)) {
    throw new DomainRuleViolation(
      'invalid_holiday_calendar',
      'Holiday calendars must be an object keyed by country.',
    );
  }
  const problems: string[] = [];
  const calendars = new Map<string, HolidayCalendar>();
  for (const [country, entry] of Object.entries(json)) {
    const calendar = readCalendar(country, entry, problems);
    if (calendar) calendars.set(country, calendar);
  }
  if (problems.length > 0) {
    throw new DomainRuleViolation(
      'invalid_holiday_calendar',
      `Invalid holiday calendars:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  return calendars;
}

function readCalendar(country: string, entry: unknown, problems: string[]): HolidayCalendar | undefined {
  const before = problems.length;
  if (!COUNTRY_CODE.test(country)) problems.push(`${country}: not an ISO 3166-1 alpha-2 country code`);
  if (!isRecord(entry)) {
    problems.push(`${country}: must be an object`);
    return undefined;
  }
  const { timeZone, weekend = SATURDAY_SUNDAY, years, notes, holidays } = entry;
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
    problems.push(`${country}.timeZone: unknown time zone ${JSON.stringify(timeZone)}`);
  }
  if (
    !Array.isArray(weekend) ||
    !weekend.every(isWeekday) ||
    new Set(weekend).size !== weekend.length ||
    weekend.length > 6
  ) {
    problems.push(
      `${country}.weekend: must list distinct weekdays 0-6 (0 = Sunday), leaving at least one working day`,
    );
  }
  if (!Array.isArray(years) || years.length === 0 || !years.every((year) => Number.isInteger(year))) {
    problems.push(`${country}.years: must list the years whose holidays are covered`);
  }
  if (notes !== undefined && typeof notes !== 'string') problems.push(`${country}.notes: must be text`);
  const dates = readHolidays(country, holidays, Array.isArray(years) ? years : [], problems);
  if (problems.length > before) return undefined;
  return {
    country,
    timeZone: timeZone as string,
    weekend: weekend as Weekday[],
    holidays: dates,
    coveredYears: years as number[],
  };
}

function readHolidays(country: string, holidays: unknown, years: unknown[], problems: string[]): string[] {
  if (!Array.isArray(holidays)) {
    problems.push(`${country}.holidays: must be a list`);
    return [];
  }
  const dates: string[] = [];
  holidays.forEach((holiday: unknown, index) => {
    const where = `${country}.holidays[${index}]`;
    if (!isRecord(holiday) || typeof holiday.date !== 'string' || !isValidLocalDate(holiday.date)) {
      problems.push(
        `${where}: date must be a real YYYY-MM-DD date, got ${JSON.stringify(isRecord(holiday) ? holiday.date : holiday)}`,
      );
      return;
    }
    if (typeof holiday.name !== 'string' || holiday.name.trim() === '')
      problems.push(`${where}: needs a name`);
    if (dates.includes(holiday.date)) problems.push(`${where}: ${holiday.date} is listed twice`);
    if (!years.includes(Number(holiday.date.slice(0, 4)))) {
      problems.push(`${where}: ${holiday.date} is outside the covered years`);
    }
    dates.push(holiday.date);
  });
  return dates.sort();
}

/**
 * The calendar of `country`, or of `fallbackCountry` when the country has none (an agency from a
 * country whose holidays are not maintained is reviewed on the fallback's business days).
 */
export function calendarFor(
  country: string | null | undefined,
  calendars: HolidayCalendars,
  fallbackCountry: string,
): HolidayCalendar {
  const wanted = country?.trim().toUpperCase();
  const calendar =
    (wanted ? calendars.get(wanted) : undefined) ?? calendars.get(fallbackCountry.trim().toUpperCase());
  if (!calendar) {
    throw new DomainRuleViolation(
      'unknown_holiday_calendar',
      `No holiday calendar for ${wanted ?? '(no country)'} nor for the fallback ${fallbackCountry}.`,
    );
  }
  return calendar;
}

/** Whether the calendar's data lists every holiday of `year`; false means only weekends would count. */
export function coversYear(calendar: HolidayCalendar, year: number): boolean {
  return calendar.coveredYears?.includes(year) ?? false;
}

/** The calendars shipped in `holiday-calendars.json`, validated once when this module loads. */
export const SHIPPED_HOLIDAY_CALENDARS: HolidayCalendars = loadHolidayCalendars(shippedCalendarData);
