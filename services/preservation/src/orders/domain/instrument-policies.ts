import type { PreservationInstrument } from '@lers/contracts';

/** How long an instrument preserves, and how it may be extended. */
export interface InstrumentPolicy {
  readonly periodDays: number;
  readonly extensionDays: number;
  /** The instrument's own cap on extensions; `null`: only the configured maximum applies. */
  readonly maxExtensions: number | null;
}

/**
 * The rules per legal instrument, as data. `standard` is the seed's rule (90 days, extended by 90
 * through a new request); 18 U.S.C. §2703(f)(2) allows one 90-day renewal; the EU e-Evidence
 * Regulation (2023/1543, Art. 11) preserves for 60 days, extendable once by 30 when a production
 * order is coming.
 */
export const INSTRUMENT_POLICIES: { readonly [instrument in PreservationInstrument]: InstrumentPolicy } = {
  standard: { periodDays: 90, extensionDays: 90, maxExtensions: null },
  us_2703f: { periodDays: 90, extensionDays: 90, maxExtensions: 1 },
  eu_epoc_pr: { periodDays: 60, extensionDays: 30, maxExtensions: 1 },
};

/** The extensions allowed: the instrument's cap or the configured maximum, whichever is lower. */
export function extensionLimit(instrument: PreservationInstrument, configuredMaximum: number): number {
  const own = INSTRUMENT_POLICIES[instrument].maxExtensions;
  return own === null ? configuredMaximum : Math.min(own, configuredMaximum);
}
