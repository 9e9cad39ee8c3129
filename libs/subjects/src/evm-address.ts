import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { accepted, refused, type FormatCheck } from './format-check';

const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * An EVM address: `0x` + 40 hex digits. All-lower or all-upper hex carries no checksum (EIP-55);
 * mixed case is a checksum and must match. Canonical form: lower-cased, for comparison.
 */
export function checkEvmAddress(address: string): FormatCheck {
  if (!EVM_ADDRESS.test(address))
    return refused('is not a valid EVM address (expected 0x followed by 40 hex digits)');
  const hex = address.slice(2);
  const lower = hex.toLowerCase();
  if (hex !== lower && hex !== hex.toUpperCase() && hex !== eip55Checksummed(lower)) {
    return refused('is not a valid EVM address (mixed-case EIP-55 checksum does not match)');
  }
  return accepted(`0x${lower}`);
}

/** EIP-55: a letter is upper-cased when the matching nibble of keccak-256(lower-case hex) is ≥ 8. */
function eip55Checksummed(lowerHex: string): string {
  const hash = bytesToHex(keccak_256(utf8ToBytes(lowerHex)));
  return [...lowerHex].map((char, i) => (parseInt(hash[i], 16) >= 8 ? char.toUpperCase() : char)).join('');
}
