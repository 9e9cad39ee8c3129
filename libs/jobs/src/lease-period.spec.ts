import { leasePeriod } from './lease-period';

describe('leasePeriod', () => {
  const hour = 3_600_000;

  it('aligns periods on multiples of the interval, so replicas started at different times agree', () => {
    const early = leasePeriod(new Date('2026-03-01T10:00:00.000Z'), hour);
    const late = leasePeriod(new Date('2026-03-01T10:59:59.999Z'), hour);
    expect(early).toEqual({
      start: new Date('2026-03-01T10:00:00.000Z'),
      end: new Date('2026-03-01T11:00:00.000Z'),
    });
    expect(late).toEqual(early);
  });

  it('starts the next period exactly where the lease of the previous one lapses', () => {
    const previous = leasePeriod(new Date('2026-03-01T10:30:00Z'), hour);
    expect(leasePeriod(previous.end, hour).start).toEqual(previous.end);
  });

  it('refuses an interval that is not a positive whole number of milliseconds', () => {
    expect(() => leasePeriod(new Date(), 0)).toThrow(RangeError);
    expect(() => leasePeriod(new Date(), 1.5)).toThrow(RangeError);
  });
});
