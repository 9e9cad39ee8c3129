import {
  addBusinessDays,
  calendarFor,
  SHIPPED_HOLIDAY_CALENDARS,
  type HolidayCalendars,
} from '@lers/calendar';
import { DomainRuleViolation } from '@lers/domain';
import { DEADLINES_BY_INSTRUMENT, DEFAULT_DEADLINES, type InstrumentDeadlines } from './deadline-policy';
import type { ProcessType } from './submission-rules';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function deadlinesFor(processType: ProcessType): InstrumentDeadlines {
  return Object.hasOwn(DEADLINES_BY_INSTRUMENT, processType)
    ? (DEADLINES_BY_INSTRUMENT[processType] as InstrumentDeadlines)
    : DEFAULT_DEADLINES;
}

/**
 * When the exchange must have answered a request submitted at `submittedAt`, by the policy of its
 * instrument; business days count on the calendar of `calendarCountry` (the reviewing team's).
 */
export function dueBy(
  processType: ProcessType,
  emergency: boolean,
  submittedAt: Date,
  calendarCountry: string,
  calendars: HolidayCalendars = SHIPPED_HOLIDAY_CALENDARS,
): Date {
  const start = submittedAt.getTime();
  if (Number.isNaN(start)) {
    throw new DomainRuleViolation('invalid_date', 'The submission date is not a valid date.', 'submittedAt');
  }
  const calendar = calendarFor(calendarCountry, calendars, calendarCountry);
  const deadlines = deadlinesFor(processType);
  if (deadlines.inForceFrom !== undefined && start < Date.parse(deadlines.inForceFrom)) {
    throw new DomainRuleViolation(
      'instrument_not_in_force',
      `This instrument (${processType}) applies only from ${deadlines.inForceFrom}.`,
      'processType',
    );
  }
  const period = emergency ? deadlines.emergency : deadlines.standard;
  if ('businessDays' in period) return addBusinessDays(submittedAt, period.businessDays, calendar);
  if ('calendarDays' in period) return new Date(start + period.calendarDays * DAY_MS);
  return new Date(start + period.hours * HOUR_MS);
}
