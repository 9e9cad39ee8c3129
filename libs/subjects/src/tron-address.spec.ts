import { sha256 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';
import { checkTronAddress } from './tron-address';

const SHAPE = { ok: false, message: 'is not a valid TRON address (expected 34 characters starting with T)' };
const BROKEN = { ok: false, message: 'is not a valid TRON address (bad base58 characters or checksum)' };
const VERSION = { ok: false, message: 'is not a valid TRON address (version byte is not 0x41)' };

function withCharAt(text: string, index: number, char: string): string {
  const changed = text.slice(0, index) + char + text.slice(index + 1);
  expect(changed).not.toBe(text);
  return changed;
}

describe('checkTronAddress', () => {
  const usdtContract = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'; // Tether USD (TRC-20) on TRON mainnet
  const base58check = createBase58check(sha256);

  it.each([usdtContract, 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7'])('accepts %s as written', (address) => {
    expect(checkTronAddress(address)).toEqual({ ok: true, canonical: address });
  });

  it.each([
    ['last', 33, 'u'],
    ['middle', 17, 'Z'],
    ['second', 1, 'S'],
  ])('refuses an address with its %s character changed (checksum)', (_where, index, char) => {
    expect(checkTronAddress(withCharAt(usdtContract, index, char))).toEqual(BROKEN);
  });

  it('is case-sensitive', () => {
    expect(checkTronAddress(`T${usdtContract.slice(1).toLowerCase()}`)).toEqual(BROKEN);
  });

  it('refuses a character outside the base58 alphabet', () => {
    expect(checkTronAddress(withCharAt(usdtContract, 10, '0'))).toEqual(BROKEN);
  });

  it.each([
    ['33 characters', usdtContract.slice(0, 33)],
    ['35 characters', `${usdtContract}1`],
    ['another first letter', withCharAt(usdtContract, 0, 'A')],
    ['a lower-case t', withCharAt(usdtContract, 0, 't')],
    ['a Bitcoin address', '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'],
    ['the hex form', '41a614f803b6fd780986a42c78ec9c7f77e6ded13c'],
    ['the empty string', ''],
  ])('refuses %s', (_why, address) => {
    expect(checkTronAddress(address)).toEqual(SHAPE);
  });

  it('refuses a 34-character T… base58check string with another version byte', () => {
    const payload = base58check.decode(usdtContract);
    const wrongVersions = [0x40, 0x42].map((version) =>
      base58check.encode(Uint8Array.of(version, ...payload.slice(1))),
    );
    const shaped = wrongVersions.filter((address) => address.length === 34 && address.startsWith('T'));
    expect(shaped.length).toBeGreaterThan(0);
    for (const address of shaped) expect(checkTronAddress(address)).toEqual(VERSION);
  });
});
