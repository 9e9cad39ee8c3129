import { addBusinessDays, type HolidayCalendar } from '@lers/calendar';

/** Business days an access application may wait for review after the officer verified their e-mail. */
export const ACCESS_REVIEW_BUSINESS_DAYS = 3;

/** When an access application must have been reviewed: 3 business days after e-mail verification. */
export function reviewDueBy(verifiedAt: Date, calendar: HolidayCalendar): Date {
  return addBusinessDays(verifiedAt, ACCESS_REVIEW_BUSINESS_DAYS, calendar);
}
