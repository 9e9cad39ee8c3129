import { DomainRuleViolation } from '@lers/domain';

export const CASE_NUMBER_PREFIX = 'LERS';
export const MAX_CASE_SEQUENCE = 999_999;
const CASE_NUMBER = /^LERS-(\d{4})-(\d{6})$/;

/** `LERS-2026-000123`: the year the request was submitted and its place in that year's sequence (from 1). */
export function formatCaseNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new DomainRuleViolation('invalid_case_number', `${year} is not a year for a case number.`, 'year');
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_CASE_SEQUENCE) {
    throw new DomainRuleViolation(
      'invalid_case_number',
      `A case sequence must be a whole number from 1 to ${MAX_CASE_SEQUENCE}, got ${sequence}.`,
      'sequence',
    );
  }
  return `${CASE_NUMBER_PREFIX}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** The year and sequence of a well-formed case number, or undefined for anything else. */
export function parseCaseNumber(text: string): { year: number; sequence: number } | undefined {
  const match = CASE_NUMBER.exec(text);
  if (!match) return undefined;
  const [year, sequence] = [Number(match[1]), Number(match[2])];
  if (year < 2000 || sequence < 1) return undefined;
  return { year, sequence };
}
