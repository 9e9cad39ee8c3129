import type { ProcessType } from './submission-rules';

/**
 * How long the exchange has to answer. Business days count on the reviewing team's calendar and
 * keep the local time of submission; calendar days and hours are elapsed time (a calendar day is
 * 24 hours, whatever the clocks do).
 */
export type ResponsePeriod =
  { readonly businessDays: number } | { readonly calendarDays: number } | { readonly hours: number };

export interface InstrumentDeadlines {
  readonly standard: ResponsePeriod;
  readonly emergency: ResponsePeriod;
  /** Where the periods come from, for people reading the table. */
  readonly legalBasis?: string;
  /** The first instant at which a request under this instrument can be made at all. */
  readonly inForceFrom?: string;
}

export const DEFAULT_DEADLINES: InstrumentDeadlines = {
  standard: { businessDays: 10 },
  emergency: { hours: 24 },
  legalBasis: 'Exchange policy for requests under national law',
};

/** Instruments whose periods differ from the default; an instrument missing here uses it. */
export const DEADLINES_BY_INSTRUMENT: { readonly [type in ProcessType]?: InstrumentDeadlines } = {
  emergency: {
    standard: { hours: 24 },
    emergency: { hours: 24 },
    legalBasis: 'Exchange policy for emergency disclosure requests',
  },
  eu_production_order: {
    standard: { calendarDays: 10 },
    emergency: { hours: 8 },
    legalBasis: 'Regulation (EU) 2023/1543, Article 10(2) and 10(4)',
    // Article 34(2): the Regulation applies from 18 August 2026 (midnight in Brussels).
    inForceFrom: '2026-08-18T00:00:00+02:00',
  },
};
