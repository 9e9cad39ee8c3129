import { checkTxHash } from './tx-hash';

const HEX64 = '4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b'; // Bitcoin genesis coinbase

describe('checkTxHash', () => {
  it('accepts 64 hex digits on Bitcoin and TRON, lower-cased', () => {
    expect(checkTxHash(HEX64, 'bitcoin')).toEqual({ ok: true, canonical: HEX64 });
    expect(checkTxHash(HEX64.toUpperCase(), 'bitcoin')).toEqual({ ok: true, canonical: HEX64 });
    expect(checkTxHash(HEX64.toUpperCase(), 'tron')).toEqual({ ok: true, canonical: HEX64 });
  });

  it('accepts 0x + 64 hex digits on EVM chains, lower-cased', () => {
    expect(checkTxHash(`0x${HEX64}`, 'evm')).toEqual({ ok: true, canonical: `0x${HEX64}` });
    expect(checkTxHash(`0x${HEX64.toUpperCase()}`, 'evm')).toEqual({ ok: true, canonical: `0x${HEX64}` });
  });

  const bitcoin = {
    ok: false,
    message: 'is not a valid Bitcoin transaction hash (expected 64 hex digits without 0x)',
  };
  const tron = {
    ok: false,
    message: 'is not a valid TRON transaction hash (expected 64 hex digits without 0x)',
  };
  const evm = {
    ok: false,
    message: 'is not a valid EVM transaction hash (expected 0x followed by 64 hex digits)',
  };

  it.each([
    ['a 0x prefix', `0x${HEX64}`],
    ['63 digits', HEX64.slice(1)],
    ['65 digits', `${HEX64}0`],
    ['a non-hex letter', `${HEX64.slice(1)}g`],
    ['a trailing newline', `${HEX64}\n`],
    ['the empty string', ''],
  ])('refuses %s on Bitcoin and TRON', (_why, hash) => {
    expect(checkTxHash(hash, 'bitcoin')).toEqual(bitcoin);
    expect(checkTxHash(hash, 'tron')).toEqual(tron);
  });

  it.each([
    ['no 0x prefix', HEX64],
    ['an upper-case 0X prefix', `0X${HEX64}`],
    ['63 digits', `0x${HEX64.slice(1)}`],
    ['65 digits', `0x${HEX64}0`],
    ['an address', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
    ['a leading newline', `\n0x${HEX64}`],
  ])('refuses %s on EVM chains', (_why, hash) => {
    expect(checkTxHash(hash, 'evm')).toEqual(evm);
  });
});
