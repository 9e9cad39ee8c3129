import { DAY_MS, daysAfter, daysLeft, extendedEnd, initialEnd } from './preservation-period';

describe('preservation periods', () => {
  const received = new Date('2026-03-01T10:15:30.123Z');

  it('counts a day as exactly 86 400 000 ms', () => {
    expect(DAY_MS).toBe(86_400_000);
  });

  it('ends a standard order exactly 90 days after receipt, to the millisecond', () => {
    expect(initialEnd('standard', received)).toEqual(new Date('2026-05-30T10:15:30.123Z'));
    expect(initialEnd('standard', received).getTime() - received.getTime()).toBe(90 * DAY_MS);
  });

  it('ignores daylight-saving changes: 90 days across the March change are still 90 × 24 hours', () => {
    const beforeChange = new Date('2026-03-20T23:59:59.999Z');
    expect(initialEnd('standard', beforeChange).toISOString()).toBe('2026-06-18T23:59:59.999Z');
  });

  it('gives §2703(f) 90 days and EPOC-PR 60 days', () => {
    expect(initialEnd('us_2703f', received).toISOString()).toBe('2026-05-30T10:15:30.123Z');
    expect(initialEnd('eu_epoc_pr', received).toISOString()).toBe('2026-04-30T10:15:30.123Z');
  });

  it('adds the extension to the current end: 90 for standard and §2703(f), 30 for EPOC-PR', () => {
    const end = new Date('2026-05-30T10:15:30.123Z');
    expect(extendedEnd('standard', end).toISOString()).toBe('2026-08-28T10:15:30.123Z');
    expect(extendedEnd('us_2703f', end).toISOString()).toBe('2026-08-28T10:15:30.123Z');
    expect(extendedEnd('eu_epoc_pr', end).toISOString()).toBe('2026-06-29T10:15:30.123Z');
  });

  it('does not change the instant it is given', () => {
    const end = new Date(received);
    daysAfter(end, 5);
    expect(end).toEqual(received);
  });

  it('refuses negative or fractional day counts, and accepts zero', () => {
    expect(() => daysAfter(received, -1)).toThrow(RangeError);
    expect(() => daysAfter(received, 1.5)).toThrow(RangeError);
    expect(daysAfter(received, 0)).toEqual(received);
  });

  it('rounds the days left up, and never below zero', () => {
    const end = new Date('2026-05-30T00:00:00.000Z');
    expect(daysLeft(end, new Date(end.getTime() - 14 * DAY_MS))).toBe(14);
    expect(daysLeft(end, new Date(end.getTime() - 14 * DAY_MS + 1))).toBe(14);
    expect(daysLeft(end, new Date(end.getTime() - 13 * DAY_MS))).toBe(13);
    expect(daysLeft(end, new Date(end.getTime() - 1))).toBe(1);
    expect(daysLeft(end, end)).toBe(0);
    expect(daysLeft(end, new Date(end.getTime() + DAY_MS))).toBe(0);
  });
});
