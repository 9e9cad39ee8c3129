import { violationOf } from '@lers/domain';
import { formatCaseNumber, MAX_CASE_SEQUENCE, parseCaseNumber } from './case-number';

describe('formatCaseNumber', () => {
  it.each([
    [2026, 123, 'LERS-2026-000123'],
    [2026, 1, 'LERS-2026-000001'],
    [2027, 45_678, 'LERS-2027-045678'],
    [2000, 999_999, 'LERS-2000-999999'],
    [9999, 100_000, 'LERS-9999-100000'],
  ])('(%i, %i) → %s', (year, sequence, caseNumber) => {
    expect(formatCaseNumber(year, sequence)).toBe(caseNumber);
  });

  it.each([0, -1, 1.5, Number.NaN, MAX_CASE_SEQUENCE + 1, Number.POSITIVE_INFINITY])(
    'refuses the sequence %p',
    (sequence) => {
      expect(MAX_CASE_SEQUENCE).toBe(999_999);
      const violation = violationOf(() => formatCaseNumber(2026, sequence));
      expect(violation.code).toBe('invalid_case_number');
      expect(violation.field).toBe('sequence');
      expect(violation.message).toContain(`from 1 to 999999, got ${sequence}`);
    },
  );

  it.each([1999, 10_000, 2026.5, Number.NaN, 26])('refuses the year %p', (year) => {
    const violation = violationOf(() => formatCaseNumber(year, 1));
    expect(violation.code).toBe('invalid_case_number');
    expect(violation.field).toBe('year');
    expect(violation.message).toBe(`${year} is not a year for a case number.`);
  });
});

describe('parseCaseNumber', () => {
  it('reads back what the formatter writes', () => {
    expect(parseCaseNumber('LERS-2026-000123')).toEqual({ year: 2026, sequence: 123 });
    expect(parseCaseNumber('LERS-2000-000001')).toEqual({ year: 2000, sequence: 1 });
    expect(parseCaseNumber(formatCaseNumber(2031, 999_999))).toEqual({ year: 2031, sequence: 999_999 });
  });

  it.each([
    'LERS-2026-00123',
    'LERS-2026-0001234',
    'lers-2026-000123',
    ' LERS-2026-000123',
    'LERS-2026-000123 ',
    'LERS-2026-000000',
    'LERS-1999-000001',
    'LERS-26-000123',
    'XLERS-2026-000123',
    '',
  ])('refuses %j', (text) => {
    expect(parseCaseNumber(text)).toBeUndefined();
  });
});
