import { addBusinessDays, HolidayCalendar, SHIPPED_HOLIDAY_CALENDARS } from '@lers/calendar';
import { ACCESS_REVIEW_BUSINESS_DAYS, reviewDueBy } from './review-deadline';

function shipped(country: string): HolidayCalendar {
  const calendar = SHIPPED_HOLIDAY_CALENDARS.get(country);
  if (!calendar) throw new Error(`no shipped calendar for ${country}`);
  return calendar;
}

const US = shipped('US');
const at = (iso: string) => new Date(iso);

describe('reviewDueBy', () => {
  it('is three business days after the e-mail verification', () => {
    expect(ACCESS_REVIEW_BUSINESS_DAYS).toBe(3);
    const verifiedAt = at('2026-02-02T19:30:00Z');
    expect(reviewDueBy(verifiedAt, US)).toEqual(addBusinessDays(verifiedAt, 3, US));
    expect(reviewDueBy(verifiedAt, US).toISOString()).toBe('2026-02-05T19:30:00.000Z');
  });

  it('after a Saturday verification is Thursday 00:00 local', () => {
    // Saturday 7 February 2026 11:00 in Paris → Thursday 12 February 00:00 CET.
    expect(reviewDueBy(at('2026-02-07T10:00:00Z'), shipped('FR')).toISOString()).toBe(
      '2026-02-11T23:00:00.000Z',
    );
  });
});
