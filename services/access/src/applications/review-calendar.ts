import { SHIPPED_HOLIDAY_CALENDARS } from '@lers/calendar';

/** The business-day calendar of the team that reviews applications (REVIEW_CALENDAR_COUNTRY). */
export const REVIEW_CALENDARS = Symbol('REVIEW_CALENDARS');

export const reviewCalendars = (reviewCountry: string) => ({ all: SHIPPED_HOLIDAY_CALENDARS, reviewCountry });
