import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import { accepted, refused, type FormatCheck } from './format-check';

const base58check = createBase58check(sha256);

const P2PKH_VERSION = 0x00;
const P2SH_VERSION = 0x05;
const TESTNET_BASE58_VERSIONS = [0x6f, 0xc4];
const TESTNET_HRPS = ['tb', 'bcrt'];
const MAINNET_HRP = 'bc';
/** BIP-173: a segwit address is at most 90 characters. */
const SEGWIT_MAX_LENGTH = 90;

/**
 * A Bitcoin mainnet address: legacy P2PKH (1…) or P2SH (3…) with its base58check checksum, or
 * segwit: bech32 for witness version 0 (BIP-173), bech32m for versions 1–16 (BIP-350).
 * Canonical form: legacy as written (base58 is case-sensitive), segwit lower-cased.
 */
export function checkBitcoinAddress(address: string): FormatCheck {
  const separator = address.lastIndexOf('1');
  const hrp = separator > 0 ? address.slice(0, separator).toLowerCase() : '';
  if (hrp === MAINNET_HRP || TESTNET_HRPS.includes(hrp)) return checkSegwitAddress(address, hrp);
  return checkLegacyAddress(address);
}

function checkLegacyAddress(address: string): FormatCheck {
  let payload: Uint8Array;
  try {
    payload = base58check.decode(address);
  } catch {
    return refused('is not a valid Bitcoin address (bad base58 characters or checksum)');
  }
  if (payload.length !== 21) return refused('is not a valid Bitcoin address (wrong payload length)');
  const version = payload[0];
  if (TESTNET_BASE58_VERSIONS.includes(version)) {
    return refused('is a Bitcoin testnet address; only mainnet addresses are accepted');
  }
  if (version !== P2PKH_VERSION && version !== P2SH_VERSION) {
    return refused('is not a Bitcoin mainnet address (unknown version byte)');
  }
  return accepted(address);
}

function checkSegwitAddress(address: string, hrp: string): FormatCheck {
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) {
    return refused('is not a valid Bitcoin address (segwit addresses must not mix upper and lower case)');
  }
  if (address.length > SEGWIT_MAX_LENGTH) return refused('is not a valid Bitcoin address (too long)');
  const lower = address.toLowerCase();
  const asBech32 = bech32.decodeUnsafe(lower, SEGWIT_MAX_LENGTH);
  const asBech32m = bech32m.decodeUnsafe(lower, SEGWIT_MAX_LENGTH);
  const decoded = asBech32 ?? asBech32m;
  if (!decoded || decoded.words.length === 0) {
    return refused('is not a valid Bitcoin address (bad bech32 characters or checksum)');
  }
  const [version, ...programWords] = decoded.words;
  if (version === 0 && !asBech32) {
    return refused(
      'is not a valid Bitcoin address (witness version 0 must use the bech32 checksum, BIP-173)',
    );
  }
  if (version !== 0 && !asBech32m) {
    return refused(
      'is not a valid Bitcoin address (witness version 1+ must use the bech32m checksum, BIP-350)',
    );
  }
  if (version > 16) return refused('is not a valid Bitcoin address (witness version above 16)');
  const program = bech32.fromWordsUnsafe(programWords);
  if (!program || program.length < 2 || program.length > 40) {
    return refused('is not a valid Bitcoin address (bad witness program)');
  }
  if (version === 0 && program.length !== 20 && program.length !== 32) {
    return refused('is not a valid Bitcoin address (a version 0 witness program is 20 or 32 bytes)');
  }
  if (hrp !== MAINNET_HRP) {
    return refused('is a Bitcoin testnet address; only mainnet addresses are accepted');
  }
  return accepted(lower);
}
