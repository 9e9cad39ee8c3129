import { extensionLimit, INSTRUMENT_POLICIES } from './instrument-policies';

describe('instrument policies', () => {
  it('keeps each instrument’s period, extension and cap as data', () => {
    expect(INSTRUMENT_POLICIES).toEqual({
      standard: { periodDays: 90, extensionDays: 90, maxExtensions: null },
      us_2703f: { periodDays: 90, extensionDays: 90, maxExtensions: 1 },
      eu_epoc_pr: { periodDays: 60, extensionDays: 30, maxExtensions: 1 },
    });
  });

  it('lets the configured maximum decide for standard orders', () => {
    expect(extensionLimit('standard', 1)).toBe(1);
    expect(extensionLimit('standard', 4)).toBe(4);
    expect(extensionLimit('standard', 0)).toBe(0);
  });

  it('never lets configuration exceed an instrument’s own cap, but may lower it', () => {
    expect(extensionLimit('us_2703f', 5)).toBe(1);
    expect(extensionLimit('eu_epoc_pr', 5)).toBe(1);
    expect(extensionLimit('us_2703f', 0)).toBe(0);
    expect(extensionLimit('eu_epoc_pr', 1)).toBe(1);
  });
});
