import { retentionCutoff } from './retention';

describe('retentionCutoff', () => {
  it('is the given number of days before now', () => {
    expect(retentionCutoff(new Date('2026-03-31T12:00:00Z'), 30)).toEqual(new Date('2026-03-01T12:00:00Z'));
  });

  it('refuses a window that would delete everything', () => {
    expect(() => retentionCutoff(new Date(), 0)).toThrow(RangeError);
  });
});
