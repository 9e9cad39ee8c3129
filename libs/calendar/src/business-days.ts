import { DomainRuleViolation } from '@lers/domain';
import type { HolidayCalendar } from './holiday-calendar';

interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

interface WallClockTime {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const MIDNIGHT: WallClockTime = { hour: 0, minute: 0, second: 0, millisecond: 0 };
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds since the epoch of a wall-clock reading taken as if it were UTC. */
function asUtc(date: LocalDate, time: WallClockTime): number {
  const instant = new Date(0);
  instant.setUTCFullYear(date.year, date.month - 1, date.day);
  instant.setUTCHours(time.hour, time.minute, time.second, time.millisecond);
  return instant.getTime();
}

function wallClockAt(instant: number, timeZone: string): { date: LocalDate; time: WallClockTime } {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    date: { year: parts.year, month: parts.month, day: parts.day },
    time: {
      hour: parts.hour,
      minute: parts.minute,
      second: parts.second,
      millisecond: ((instant % 1000) + 1000) % 1000,
    },
  };
}

/** How far the zone's clocks are ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const { date, time } = wallClockAt(instant, timeZone);
  return asUtc(date, time) - instant;
}

/**
 * The instant at which the zone's clocks show `date` `time`. Like Temporal's "compatible"
 * disambiguation: a time repeated when clocks go back resolves to its first occurrence, and a time
 * skipped when clocks go forward moves forward by the length of the gap (02:30 → 03:30).
 */
function instantOf(date: LocalDate, time: WallClockTime, timeZone: string): number {
  const wall = asUtc(date, time);
  const offsetBefore = offsetAt(wall - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wall + DAY_MS, timeZone);
  const matches = [wall - offsetBefore, wall - offsetAfter]
    .filter((candidate) => offsetAt(candidate, timeZone) === wall - candidate)
    .sort((a, b) => a - b);
  return matches[0] ?? wall - offsetBefore;
}

function nextDay(date: LocalDate): LocalDate {
  const next = new Date(asUtc(date, MIDNIGHT) + DAY_MS);
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

function isoDate({ year, month, day }: LocalDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isBusinessDay(date: LocalDate, calendar: HolidayCalendar): boolean {
  const weekday = new Date(asUtc(date, MIDNIGHT)).getUTCDay();
  return !calendar.weekend.some((day) => day === weekday) && !calendar.holidays.includes(isoDate(date));
}

function nextBusinessDay(date: LocalDate, calendar: HolidayCalendar): LocalDate {
  let candidate = nextDay(date);
  while (!isBusinessDay(candidate, calendar)) candidate = nextDay(candidate);
  return candidate;
}

/** Whether `instant` falls on a business day of the calendar, in the calendar's time zone. */
export function isBusinessDayAt(instant: Date, calendar: HolidayCalendar): boolean {
  return isBusinessDay(wallClockAt(instant.getTime(), calendar.timeZone).date, calendar);
}

/**
 * `start` plus `days` business days of `calendar`, keeping the local wall-clock time of `start`:
 * Monday 14:30 + 3 = Thursday 14:30 when none of Tuesday–Thursday is a holiday.
 *
 * A start on a weekend or holiday counts as 00:00 of the next business day, so Saturday + 3 =
 * Thursday 00:00, the end of Wednesday: whoever must act gets three whole business days (Monday,
 * Tuesday, Wednesday), exactly as if the start had been Monday 00:00. The result always falls on a
 * business day: when the day after the last counted one is a holiday, the deadline moves past it.
 *
 * A wall time that does not exist on the due date (clocks going forward) moves forward by the gap;
 * one that happens twice (clocks going back) resolves to its first occurrence.
 */
export function addBusinessDays(start: Date, days: number, calendar: HolidayCalendar): Date {
  if (Number.isNaN(start.getTime())) {
    throw new DomainRuleViolation('invalid_date', 'The start date is not a valid date.');
  }
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new DomainRuleViolation(
      'invalid_business_days',
      `Cannot add ${days} business days: need a whole number ≥ 0.`,
    );
  }
  if (new Set(calendar.weekend).size >= 7) {
    throw new DomainRuleViolation(
      'invalid_holiday_calendar',
      `The ${calendar.country} calendar has no working days.`,
    );
  }
  const { date: startDate, time: startTime } = wallClockAt(start.getTime(), calendar.timeZone);
  let date = startDate;
  let time = startTime;
  if (!isBusinessDay(date, calendar)) {
    date = nextBusinessDay(date, calendar);
    time = MIDNIGHT;
  } else if (days === 0) {
    return new Date(start.getTime());
  }
  for (let counted = 0; counted < days; counted += 1) date = nextBusinessDay(date, calendar);
  return new Date(instantOf(date, time, calendar.timeZone));
}

/** A deadline is met up to and including its instant; it is overdue only once `now` is past it. */
export function isOverdue(dueBy: Date | null | undefined, now: Date): boolean {
  return dueBy != null && now.getTime() > dueBy.getTime();
}
