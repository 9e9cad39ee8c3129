import { identifierKey, lookupKeys } from './identifier-keys';

const EVM = '0x52908400098527886E0F7030069857D2E4169EE7';
const BECH32 = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';

describe('identifierKey', () => {
  it('keys an address by type, chain and canonical (lower-case) form', () => {
    expect(identifierKey({ type: 'wallet_address', value: EVM, chain: 'eth' })).toBe(
      `wallet_address:eth:${EVM.toLowerCase()}`,
    );
    expect(identifierKey({ type: 'wallet_address', value: BECH32.toUpperCase(), chain: 'btc' })).toBe(
      `wallet_address:btc:${BECH32}`,
    );
  });

  it('keys off-chain identifiers with an empty chain, e-mail domains lower-cased', () => {
    expect(identifierKey({ type: 'email', value: 'Jo.Doe@Example.COM' })).toBe('email::Jo.Doe@example.com');
    expect(identifierKey({ type: 'uid', value: 'U-1001' })).toBe('uid::U-1001');
  });

  it('gives no key to an identifier the subject rules refuse', () => {
    expect(identifierKey({ type: 'wallet_address', value: EVM })).toBeNull();
    expect(identifierKey({ type: 'email', value: 'not an address' })).toBeNull();
    expect(identifierKey({ type: 'nickname', value: 'x' })).toBeNull();
  });
});

describe('lookupKeys', () => {
  it('matches exactly one key when the chain is given or the type is off-chain', () => {
    expect(lookupKeys({ type: 'wallet_address', value: EVM, chain: 'polygon' })).toEqual([
      `wallet_address:polygon:${EVM.toLowerCase()}`,
    ]);
    expect(lookupKeys({ type: 'uid', value: 'U-1' })).toEqual(['uid::U-1']);
  });

  it('without a chain, tries every chain whose format the value fits', () => {
    const keys = lookupKeys({ type: 'wallet_address', value: EVM });
    expect(keys).toContain(`wallet_address:eth:${EVM.toLowerCase()}`);
    expect(keys).toContain(`wallet_address:base:${EVM.toLowerCase()}`);
    expect(keys.some((key) => key.startsWith('wallet_address:btc:'))).toBe(false);
    expect(lookupKeys({ type: 'wallet_address', value: BECH32 })).toEqual([`wallet_address:btc:${BECH32}`]);
  });

  it('matches nothing for a value no rule accepts', () => {
    expect(lookupKeys({ type: 'wallet_address', value: 'nonsense' })).toEqual([]);
    expect(lookupKeys({ type: 'uid', value: '' })).toEqual([]);
  });
});
