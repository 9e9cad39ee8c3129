import type { ChainFamily } from './chains';
import { accepted, refused, type FormatCheck } from './format-check';

const BARE_HASH = /^[0-9a-fA-F]{64}$/;
const PREFIXED_HASH = /^0x[0-9a-fA-F]{64}$/;

/**
 * A transaction hash: 64 hex digits, with `0x` on EVM chains and without on Bitcoin and TRON (as
 * their explorers and nodes print them). Canonical form: lower-cased hex.
 */
export function checkTxHash(hash: string, family: ChainFamily): FormatCheck {
  if (family === 'evm') {
    if (!PREFIXED_HASH.test(hash))
      return refused('is not a valid EVM transaction hash (expected 0x followed by 64 hex digits)');
    return accepted(hash.toLowerCase());
  }
  if (!BARE_HASH.test(hash)) {
    const name = family === 'bitcoin' ? 'Bitcoin' : 'TRON';
    return refused(`is not a valid ${name} transaction hash (expected 64 hex digits without 0x)`);
  }
  return accepted(hash.toLowerCase());
}
