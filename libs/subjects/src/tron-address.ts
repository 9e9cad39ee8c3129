import { sha256 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';
import { accepted, refused, type FormatCheck } from './format-check';

const base58check = createBase58check(sha256);
const TRON_VERSION = 0x41;

/** A TRON address: base58check of version byte 0x41 + 20 bytes, so 34 characters starting with T. */
export function checkTronAddress(address: string): FormatCheck {
  if (address.length !== 34 || !address.startsWith('T')) {
    return refused('is not a valid TRON address (expected 34 characters starting with T)');
  }
  let payload: Uint8Array;
  try {
    payload = base58check.decode(address);
  } catch {
    return refused('is not a valid TRON address (bad base58 characters or checksum)');
  }
  if (payload.length !== 21 || payload[0] !== TRON_VERSION) {
    return refused('is not a valid TRON address (version byte is not 0x41)');
  }
  return accepted(address);
}
