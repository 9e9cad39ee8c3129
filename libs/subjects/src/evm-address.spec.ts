import { checkEvmAddress } from './evm-address';

const FORMAT = { ok: false, message: 'is not a valid EVM address (expected 0x followed by 40 hex digits)' };
const CHECKSUM = {
  ok: false,
  message: 'is not a valid EVM address (mixed-case EIP-55 checksum does not match)',
};

/** Flips the case of the letter at `index`, asserting that it is a letter. */
function flipCaseAt(address: string, index: number): string {
  const char = address[index];
  const flipped = char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase();
  expect(flipped).not.toBe(char);
  return address.slice(0, index) + flipped + address.slice(index + 1);
}

describe('checkEvmAddress', () => {
  const eip55Vectors = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
    '0xdAC17F958D2ee523a2206206994597C13D831ec7', // Tether USD on Ethereum mainnet
  ];

  it.each(eip55Vectors)('accepts the EIP-55 checksummed %s and lower-cases it', (address) => {
    expect(checkEvmAddress(address)).toEqual({ ok: true, canonical: address.toLowerCase() });
  });

  it('accepts a checksummed address written all in lower or all in upper case (EIP-55: no checksum)', () => {
    const canonical = '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed';
    expect(checkEvmAddress(canonical)).toEqual({ ok: true, canonical });
    expect(checkEvmAddress('0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED')).toEqual({ ok: true, canonical });
  });

  // EIP-55's own "all caps" and "all lower" vectors are addresses whose checksum happens to be all one case.
  it.each(['0x52908400098527886E0F7030069857D2E4169EE7', '0x8617E340B3D01FA5F11F306F4090FD50E238070D'])(
    'accepts the all-upper-case %s (no checksum, EIP-55)',
    (address) => {
      expect(checkEvmAddress(address)).toEqual({
        ok: true,
        canonical: `0x${address.slice(2).toLowerCase()}`,
      });
    },
  );

  it.each(['0xde709f2102306220921060314715629080e2fb77', '0x27b1fdb04752bbc536007a920d24acb045561c26'])(
    'accepts the all-lower-case %s (no checksum, EIP-55)',
    (address) => {
      expect(checkEvmAddress(address)).toEqual({ ok: true, canonical: address });
    },
  );

  it.each([
    ['the first letter', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 3],
    ['an upper-case letter', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 4],
    ['the last letter', '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb', 41],
    ['a letter mid-way', '0xdAC17F958D2ee523a2206206994597C13D831ec7', 13],
  ])('refuses a checksummed address with the case of %s flipped', (_where, address, index) => {
    expect(checkEvmAddress(flipCaseAt(address, index))).toEqual(CHECKSUM);
  });

  it('refuses a mixed-case address whose every letter case is inverted', () => {
    const inverted = `0x${[...'5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')}`;
    expect(checkEvmAddress(inverted)).toEqual(CHECKSUM);
  });

  it.each([
    ['no 0x prefix', '5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
    ['an upper-case 0X prefix', '0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
    ['39 hex digits', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae'],
    ['41 hex digits', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed0'],
    ['a non-hex letter', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg'],
    ['a trailing newline', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed\n'],
    ['a leading space', ' 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'],
    ['a transaction hash', '0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b'],
    ['the empty string', ''],
  ])('refuses %s', (_why, address) => {
    expect(checkEvmAddress(address)).toEqual(FORMAT);
  });
});
