import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import { checkBitcoinAddress } from './btc-address';

/** Replaces the character at `index` (negative counts from the end), asserting that it changed. */
function withCharAt(text: string, index: number, char: string): string {
  const at = index < 0 ? text.length + index : index;
  const changed = text.slice(0, at) + char + text.slice(at + 1);
  expect(changed).not.toBe(text);
  return changed;
}

const refusedWith = (message: string) => ({
  ok: false,
  message: `is not a valid Bitcoin address (${message})`,
});
const TESTNET = { ok: false, message: 'is a Bitcoin testnet address; only mainnet addresses are accepted' };
const BASE58_BROKEN = refusedWith('bad base58 characters or checksum');
const BECH32_BROKEN = refusedWith('bad bech32 characters or checksum');

describe('checkBitcoinAddress — legacy base58check', () => {
  it.each([
    ['P2PKH, the genesis block reward', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'],
    ['P2PKH', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'],
    ['P2SH', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'],
    ['P2SH', '3GRdnTq18LyNveWa1gQJcgp8qEnzijv5vR'],
  ])('accepts a mainnet %s address as written', (_kind, address) => {
    expect(checkBitcoinAddress(address)).toEqual({ ok: true, canonical: address });
  });

  it.each([
    ['last', -1, 'b'],
    ['middle', 10, 'Q'],
    ['second', 1, 'B'],
  ])('refuses a legacy address with its %s character changed (checksum)', (_where, index, char) => {
    expect(checkBitcoinAddress(withCharAt('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', index, char))).toEqual(
      BASE58_BROKEN,
    );
  });

  it('refuses characters outside the base58 alphabet (0, O, I, l)', () => {
    expect(checkBitcoinAddress(withCharAt('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 5, '0'))).toEqual(
      BASE58_BROKEN,
    );
    expect(checkBitcoinAddress(withCharAt('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 5, 'l'))).toEqual(
      BASE58_BROKEN,
    );
  });

  it('is case-sensitive: a lower-cased legacy address is another (broken) string', () => {
    expect(checkBitcoinAddress('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'.toLowerCase())).toEqual(BASE58_BROKEN);
  });

  it.each([
    ['P2PKH (m…)', 'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn'],
    ['P2SH (2…)', '2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc'],
  ])('refuses a testnet %s address', (_kind, address) => {
    expect(checkBitcoinAddress(address)).toEqual(TESTNET);
  });

  const base58check = createBase58check(sha256);
  const hash160 = new Uint8Array(20).fill(7);

  it('refuses a valid base58check string whose version byte is not a Bitcoin one', () => {
    const litecoin = base58check.encode(Uint8Array.of(0x30, ...hash160)); // Litecoin P2PKH, L…
    expect(checkBitcoinAddress(litecoin)).toEqual({
      ok: false,
      message: 'is not a Bitcoin mainnet address (unknown version byte)',
    });
  });

  it.each([
    ['one byte short', Uint8Array.of(0x00, ...hash160.slice(1))],
    ['one byte long', Uint8Array.of(0x00, ...hash160, 1)],
  ])('refuses a base58check payload %s', (_why, payload) => {
    expect(checkBitcoinAddress(base58check.encode(payload))).toEqual(refusedWith('wrong payload length'));
  });

  it('accepts P2PKH and P2SH version bytes built by the library, and refuses every other byte', () => {
    const versions = Array.from({ length: 256 }, (_, version) => version);
    const accepted = versions.filter(
      (version) => checkBitcoinAddress(base58check.encode(Uint8Array.of(version, ...hash160))).ok,
    );
    expect(accepted).toEqual([0x00, 0x05]);
  });

  it('reads a string without a 1 as legacy, even when it starts like a segwit prefix', () => {
    expect(checkBitcoinAddress('bcq')).toEqual(BASE58_BROKEN);
    expect(checkBitcoinAddress('tbqqqqqq')).toEqual(BASE58_BROKEN);
  });

  it('refuses the empty string and a lone prefix', () => {
    expect(checkBitcoinAddress('')).toEqual(BASE58_BROKEN);
    expect(checkBitcoinAddress('1')).toEqual(BASE58_BROKEN);
  });
});

describe('checkBitcoinAddress — segwit (BIP-173 bech32, BIP-350 bech32m)', () => {
  it.each([
    ['v0 P2WPKH, upper case (BIP-173 vector)', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4'],
    ['v0 P2WSH (BIP-173 vector)', 'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3'],
    ['v0 P2WPKH (mainnet)', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'],
    ['v1 taproot (BIP-350 vector)', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0'],
    [
      'v1, 40-byte program (BIP-350 vector)',
      'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
    ],
    ['v16, 2-byte program (BIP-350 vector)', 'BC1SW50QGDZ25J'],
    ['v2, 16-byte program (BIP-350 vector)', 'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs'],
  ])('accepts %s, lower-cased', (_kind, address) => {
    expect(checkBitcoinAddress(address)).toEqual({ ok: true, canonical: address.toLowerCase() });
  });

  it.each([
    ['v0', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', -1, 'p'],
    ['v0', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 8, 'q'],
    ['v1', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', -3, 'k'],
    ['v1', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 20, 'q'],
  ])('refuses a %s address with one character changed (checksum)', (_kind, address, index, char) => {
    expect(checkBitcoinAddress(withCharAt(address, index, char))).toEqual(BECH32_BROKEN);
  });

  it('refuses a witness v1+ address written with the bech32 checksum (BIP-173 vectors, invalid under BIP-350)', () => {
    const message = refusedWith('witness version 1+ must use the bech32m checksum, BIP-350');
    expect(
      checkBitcoinAddress('bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx'),
    ).toEqual(message);
    expect(checkBitcoinAddress('BC1SW50QA3JX3S')).toEqual(message);
    expect(checkBitcoinAddress('bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj')).toEqual(message);
  });

  it('refuses a witness v0 address written with the bech32m checksum (BIP-350 vector)', () => {
    expect(checkBitcoinAddress('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh')).toEqual(
      refusedWith('witness version 0 must use the bech32 checksum, BIP-173'),
    );
  });

  it('refuses mixed case (BIP-173)', () => {
    expect(checkBitcoinAddress('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdQ')).toEqual(
      refusedWith('segwit addresses must not mix upper and lower case'),
    );
    expect(checkBitcoinAddress('Bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toEqual(
      refusedWith('segwit addresses must not mix upper and lower case'),
    );
  });

  it.each([
    ['v0 testnet (BIP-173 vector)', 'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7'],
    ['v1 testnet (BIP-350 vector)', 'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c'],
    ['v0 testnet, upper case', 'TB1QRP33G0Q5C5TXSP9ARYSRX4K6ZDKFS4NCE4XJ0GDCCCEFVPYSXF3Q0SL5K7'],
  ])('refuses a %s address', (_kind, address) => {
    expect(checkBitcoinAddress(address)).toEqual(TESTNET);
  });

  it('refuses a regtest address', () => {
    const regtest = bech32.encode('bcrt', [0, ...bech32.toWords(new Uint8Array(20).fill(1))]);
    expect(checkBitcoinAddress(regtest)).toEqual(TESTNET);
  });

  it('treats a valid bech32 string for another chain (Litecoin ltc1…) as a broken legacy address', () => {
    const litecoin = bech32.encode('ltc', [0, ...bech32.toWords(new Uint8Array(20).fill(1))]);
    expect(checkBitcoinAddress(litecoin)).toEqual(BASE58_BROKEN);
  });

  it.each([
    ['a witness program of 1 byte (BIP-350 vector)', 'bc1pw5dgrnzv', 'bad witness program'],
    [
      'witness version 17 (BIP-350 vector)',
      'BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R',
      'witness version above 16',
    ],
    [
      'a v0 program of 16 bytes (BIP-173 vector)',
      'BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P',
      'a version 0 witness program is 20 or 32 bytes',
    ],
    ['an empty data part (BIP-173 vector)', 'bc1gmk9yu', 'bad bech32 characters or checksum'],
    [
      'a character outside the bech32 alphabet (b)',
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdb',
      'bad bech32 characters or checksum',
    ],
  ])('refuses %s', (_why, address, message) => {
    expect(checkBitcoinAddress(address)).toEqual(refusedWith(message));
  });

  const program = (bytes: number) => new Uint8Array(bytes).fill(0xab);
  const segwit = (version: number, bytes: number) =>
    (version === 0 ? bech32 : bech32m).encode('bc', [version, ...bech32.toWords(program(bytes))], false);

  it('accepts witness programs of 2 to 40 bytes for v1+, and no other length', () => {
    const lengths = Array.from({ length: 43 }, (_, bytes) => bytes);
    expect(lengths.filter((bytes) => checkBitcoinAddress(segwit(1, bytes)).ok)).toEqual(
      Array.from({ length: 39 }, (_, i) => i + 2),
    );
    expect(checkBitcoinAddress(segwit(1, 41))).toEqual(refusedWith('bad witness program'));
    expect(checkBitcoinAddress(segwit(1, 1))).toEqual(refusedWith('bad witness program'));
  });

  it('accepts v0 programs of exactly 20 and 32 bytes', () => {
    const lengths = Array.from({ length: 41 }, (_, bytes) => bytes);
    expect(lengths.filter((bytes) => checkBitcoinAddress(segwit(0, bytes)).ok)).toEqual([20, 32]);
    expect(checkBitcoinAddress(segwit(0, 19))).toEqual(
      refusedWith('a version 0 witness program is 20 or 32 bytes'),
    );
  });

  it('accepts every witness version from 1 to 16 with bech32m', () => {
    const versions = Array.from({ length: 16 }, (_, i) => i + 1);
    expect(versions.filter((version) => checkBitcoinAddress(segwit(version, 32)).ok)).toEqual(versions);
  });

  it('refuses non-zero padding bits in the 8-to-5 conversion', () => {
    const words = bech32.toWords(program(32)); // 52 words = 260 bits: 4 bits of padding
    const padded = [...words.slice(0, -1), words[words.length - 1] | 1];
    expect(checkBitcoinAddress(bech32m.encode('bc', [1, ...padded]))).toEqual(
      refusedWith('bad witness program'),
    );
  });

  it('refuses an address over 90 characters even with a valid checksum', () => {
    const long = bech32m.encode('bc', [1, ...bech32.toWords(program(51))], false);
    expect(long.length).toBeGreaterThan(90);
    expect(checkBitcoinAddress(long)).toEqual(refusedWith('too long'));
  });
});
