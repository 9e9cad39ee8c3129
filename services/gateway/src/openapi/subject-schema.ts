import { BITCOIN_CHAINS, EVM_CHAINS, TRON_CHAINS } from '@lers/subjects';
import type { SchemaObject } from './problem-responses';

/**
 * Formats whose last rule no JSON Schema keyword can say: a checksum (EIP-55 for mixed-case EVM
 * addresses, Base58Check, bech32) or a numbering plan (libphonenumber). Each is named as a custom
 * `format` beside the pattern it must also match, so clients (and the contract fuzzer, through
 * its hooks) know which values are valid.
 */
export const SUBJECT_VALUE_FORMATS = {
  evmAddress: 'evm-address',
  bitcoinAddress: 'bitcoin-address',
  tronAddress: 'tron-address',
  phone: 'e164-phone',
} as const;

const subject = (type: string, value: SchemaObject, chains?: readonly string[]): SchemaObject => ({
  type: 'object',
  additionalProperties: false,
  required: chains ? ['type', 'value', 'chain'] : ['type', 'value'],
  properties: {
    type: { type: 'string', enum: [type] },
    value: { type: 'string', ...value },
    ...(chains ? { chain: { type: 'string', enum: [...chains] } } : {}),
  },
});

/** One subject of a request or preservation order, by type (and chain family). */
export const REQUEST_SUBJECT_SCHEMA: SchemaObject = {
  description:
    'Who or what the data is about. Wallet addresses and transaction hashes name their chain; ' +
    'mixed-case EVM addresses must carry a valid EIP-55 checksum, Bitcoin and TRON addresses a valid ' +
    'Base58Check/bech32 one (mainnet only), phone numbers must be valid for their country code.',
  oneOf: [
    subject('uid', { pattern: '^[A-Za-z0-9_-]{1,64}$' }),
    subject('email', { format: 'email', maxLength: 254 }),
    subject('phone', { format: SUBJECT_VALUE_FORMATS.phone, pattern: '^\\+[1-9][0-9]{1,14}$' }),
    subject(
      'wallet_address',
      { format: SUBJECT_VALUE_FORMATS.evmAddress, pattern: '^0x[0-9a-fA-F]{40}$' },
      EVM_CHAINS,
    ),
    subject(
      'wallet_address',
      { format: SUBJECT_VALUE_FORMATS.bitcoinAddress, pattern: '^[13bB][A-Za-z0-9]{25,89}$' },
      BITCOIN_CHAINS,
    ),
    subject(
      'wallet_address',
      { format: SUBJECT_VALUE_FORMATS.tronAddress, pattern: '^T[1-9A-HJ-NP-Za-km-z]{33}$' },
      TRON_CHAINS,
    ),
    subject('tx_hash', { pattern: '^0x[0-9a-fA-F]{64}$' }, EVM_CHAINS),
    subject('tx_hash', { pattern: '^[0-9a-fA-F]{64}$' }, [...BITCOIN_CHAINS, ...TRON_CHAINS]),
  ],
};
