import { EVM_CHAINS, SUBJECT_CHAINS } from './chains';
import { SUBJECT_TYPES, SUBJECT_VALUE_MAX_LENGTH, validateSubject } from './subject-rules';

const BTC = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const EVM = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const TRON = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const HEX64 = '4A5E1E4BAAB89F3A32518A88C31BC87F618F76673E2CC77AB2127B7AFDEDA33B';

describe('validateSubject — canonical forms', () => {
  it.each([
    [
      { type: 'uid', value: 'U-42_x' },
      { type: 'uid', value: 'U-42_x' },
    ],
    [
      { type: 'email', value: 'Jane@Example.COM' },
      { type: 'email', value: 'Jane@example.com' },
    ],
    [
      { type: 'phone', value: '+442079460958' },
      { type: 'phone', value: '+442079460958' },
    ],
    [
      { type: 'wallet_address', value: BTC.toUpperCase(), chain: 'btc' },
      { type: 'wallet_address', value: BTC, chain: 'btc' },
    ],
    [
      { type: 'wallet_address', value: EVM, chain: 'eth' },
      { type: 'wallet_address', value: EVM.toLowerCase(), chain: 'eth' },
    ],
    [
      { type: 'wallet_address', value: TRON, chain: 'tron' },
      { type: 'wallet_address', value: TRON, chain: 'tron' },
    ],
    [
      { type: 'tx_hash', value: HEX64, chain: 'btc' },
      { type: 'tx_hash', value: HEX64.toLowerCase(), chain: 'btc' },
    ],
    [
      { type: 'tx_hash', value: HEX64, chain: 'tron' },
      { type: 'tx_hash', value: HEX64.toLowerCase(), chain: 'tron' },
    ],
    [
      { type: 'tx_hash', value: `0x${HEX64}`, chain: 'polygon' },
      { type: 'tx_hash', value: `0x${HEX64.toLowerCase()}`, chain: 'polygon' },
    ],
  ])('%j → %j', (subject, canonical) => {
    expect(validateSubject(subject)).toStrictEqual({ ok: true, canonical });
  });

  it.each(EVM_CHAINS)('treats %s as an EVM chain for addresses and transaction hashes', (chain) => {
    expect(validateSubject({ type: 'wallet_address', value: EVM, chain }).ok).toBe(true);
    expect(validateSubject({ type: 'tx_hash', value: `0x${HEX64}`, chain }).ok).toBe(true);
    expect(validateSubject({ type: 'wallet_address', value: BTC, chain }).ok).toBe(false);
  });

  it('lists every chain once: btc, the EVM chains, tron', () => {
    expect(SUBJECT_CHAINS).toEqual(['btc', ...EVM_CHAINS, 'tron']);
    expect(new Set(SUBJECT_CHAINS).size).toBe(SUBJECT_CHAINS.length);
  });
});

describe('validateSubject — a value checked against the named chain', () => {
  it.each([
    [
      'a Bitcoin address on eth',
      BTC,
      'eth',
      'is not a valid EVM address (expected 0x followed by 40 hex digits)',
    ],
    [
      'an EVM address on btc',
      EVM,
      'btc',
      'is not a valid Bitcoin address (bad base58 characters or checksum)',
    ],
    [
      'an EVM address on tron',
      EVM,
      'tron',
      'is not a valid TRON address (expected 34 characters starting with T)',
    ],
    [
      'a TRON address on bsc',
      TRON,
      'bsc',
      'is not a valid EVM address (expected 0x followed by 40 hex digits)',
    ],
    ['a TRON address on btc', TRON, 'btc', 'is not a Bitcoin mainnet address (unknown version byte)'],
  ])('refuses %s', (_why, value, chain, message) => {
    expect(validateSubject({ type: 'wallet_address', value, chain })).toEqual({
      ok: false,
      errors: [{ field: 'value', message }],
    });
  });

  it('refuses an EVM-shaped hash on btc and a bare hash on eth', () => {
    expect(validateSubject({ type: 'tx_hash', value: `0x${HEX64}`, chain: 'btc' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'value',
          message: 'is not a valid Bitcoin transaction hash (expected 64 hex digits without 0x)',
        },
      ],
    });
    expect(validateSubject({ type: 'tx_hash', value: HEX64, chain: 'eth' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'value',
          message: 'is not a valid EVM transaction hash (expected 0x followed by 64 hex digits)',
        },
      ],
    });
  });

  it('applies the e-mail, phone and uid rules to their types', () => {
    expect(validateSubject({ type: 'email', value: '+442079460958' })).toEqual({
      ok: false,
      errors: [{ field: 'value', message: 'is not a valid e-mail address' }],
    });
    expect(validateSubject({ type: 'phone', value: 'jane@example.com' }).ok).toBe(false);
    expect(validateSubject({ type: 'uid', value: 'jane@example.com' }).ok).toBe(false);
  });
});

describe('validateSubject — chain required only where it means something', () => {
  it.each(['wallet_address', 'tx_hash'])('requires a chain for %s', (type) => {
    for (const chain of [undefined, null]) {
      expect(validateSubject({ type, value: EVM, chain })).toEqual({
        ok: false,
        errors: [{ field: 'chain', message: `is required for a subject of type ${type}` }],
      });
    }
  });

  it.each([
    ['an unknown chain', 'solana'],
    ['a testnet', 'btc-testnet'],
    ['a differently-cased chain', 'ETH'],
    ['an operator object', { $ne: null }],
    ['an empty string', ''],
  ])('refuses %s', (_why, chain) => {
    expect(validateSubject({ type: 'wallet_address', value: EVM, chain })).toEqual({
      ok: false,
      errors: [{ field: 'chain', message: `must be one of: ${SUBJECT_CHAINS.join(', ')}` }],
    });
  });

  it.each(['uid', 'email', 'phone'])('refuses a chain (even null or empty) for %s', (type) => {
    for (const chain of ['eth', null, '']) {
      expect(validateSubject({ type, value: 'x', chain })).toEqual({
        ok: false,
        errors: [{ field: 'chain', message: `must not be given for a subject of type ${type}` }],
      });
    }
  });
});

describe('validateSubject — the type and the value themselves', () => {
  const TYPE_ERROR = { field: 'type', message: `must be one of: ${SUBJECT_TYPES.join(', ')}` };

  it.each([['account'], ['EMAIL'], [undefined], [{ $in: ['email'] }], [['email']]])(
    'refuses type %j',
    (type) => {
      expect(validateSubject({ type, value: 'jane@example.com' })).toEqual({
        ok: false,
        errors: [TYPE_ERROR],
      });
    },
  );

  it('reports no chain error when the type is unknown, and reports every other problem together', () => {
    expect(validateSubject({ type: 'account', value: 42, chain: 'eth' })).toEqual({
      ok: false,
      errors: [TYPE_ERROR, { field: 'value', message: 'must be a string' }],
    });
    expect(validateSubject({ type: 'tx_hash', value: '' })).toEqual({
      ok: false,
      errors: [
        { field: 'value', message: 'must not be empty' },
        { field: 'chain', message: 'is required for a subject of type tx_hash' },
      ],
    });
  });

  it.each([
    ['an operator object', { $gt: '' }],
    ['a regex-like object', { $regex: '.*' }],
    ['an array', ['jane@example.com']],
    ['a number', 12345],
    ['a boolean', true],
    ['null', null],
    ['missing', undefined],
  ])('refuses a value that is %s', (_why, value) => {
    expect(validateSubject({ type: 'email', value })).toEqual({
      ok: false,
      errors: [{ field: 'value', message: 'must be a string' }],
    });
  });

  it.each([
    ['a leading space', ' jane@example.com'],
    ['a trailing space', 'jane@example.com '],
    ['a trailing newline', 'jane@example.com\n'],
    ['a leading tab', '\tjane@example.com'],
    ['only whitespace', '   '],
  ])('refuses %s rather than trimming it', (_why, value) => {
    expect(validateSubject({ type: 'email', value })).toEqual({
      ok: false,
      errors: [{ field: 'value', message: 'must not start or end with whitespace' }],
    });
  });

  it('refuses an empty value', () => {
    expect(validateSubject({ type: 'uid', value: '' })).toEqual({
      ok: false,
      errors: [{ field: 'value', message: 'must not be empty' }],
    });
  });

  it(`refuses a value over ${SUBJECT_VALUE_MAX_LENGTH} characters before any parser sees it`, () => {
    expect(SUBJECT_VALUE_MAX_LENGTH).toBe(256);
    const tooLong = 'a'.repeat(SUBJECT_VALUE_MAX_LENGTH + 1);
    expect(validateSubject({ type: 'uid', value: tooLong })).toEqual({
      ok: false,
      errors: [{ field: 'value', message: 'must be at most 256 characters' }],
    });
    // At the limit the value reaches its type's own rule, which has its own message.
    expect(validateSubject({ type: 'uid', value: tooLong.slice(1) })).toEqual({
      ok: false,
      errors: [
        { field: 'value', message: 'is not a valid user id (1 to 64 characters: letters, digits, _ and -)' },
      ],
    });
  });
});
