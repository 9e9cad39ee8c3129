import { checkBitcoinAddress } from './btc-address';
import { chainFamily, isSubjectChain, SUBJECT_CHAINS, type ChainFamily, type SubjectChain } from './chains';
import { checkEvmAddress } from './evm-address';
import type { FormatCheck } from './format-check';
import { checkEmail, checkPhone, checkUid } from './identity-values';
import { checkTronAddress } from './tron-address';
import { checkTxHash } from './tx-hash';

export const SUBJECT_TYPES = ['uid', 'email', 'phone', 'wallet_address', 'tx_hash'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** Types that only mean something on a named chain. */
const ON_CHAIN_TYPES: readonly SubjectType[] = ['wallet_address', 'tx_hash'];
/** Longer than any valid subject of any type: refused before a parser sees it. */
export const SUBJECT_VALUE_MAX_LENGTH = 256;

export interface SubjectInput {
  type?: unknown;
  value?: unknown;
  chain?: unknown;
}

export interface SubjectFieldError {
  field: 'type' | 'value' | 'chain';
  message: string;
}

export type CanonicalSubject =
  | { type: 'uid' | 'email' | 'phone'; value: string }
  | { type: 'wallet_address' | 'tx_hash'; value: string; chain: SubjectChain };

export type SubjectCheck =
  { ok: true; canonical: CanonicalSubject } | { ok: false; errors: SubjectFieldError[] };

/**
 * Validates one subject of a request (type, value, chain) and gives its canonical form, the one
 * matching compares. `value` must be a string: operator-shaped objects such as `{"$gt": ""}` are
 * refused here, before they could reach a query.
 */
export function validateSubject(subject: SubjectInput): SubjectCheck {
  const errors: SubjectFieldError[] = [];
  const type = isSubjectType(subject.type) ? subject.type : undefined;
  if (!type) errors.push({ field: 'type', message: `must be one of: ${SUBJECT_TYPES.join(', ')}` });

  const value = typeof subject.value === 'string' ? subject.value : undefined;
  if (value === undefined) errors.push({ field: 'value', message: 'must be a string' });
  else if (value.length === 0) errors.push({ field: 'value', message: 'must not be empty' });
  else if (value.length > SUBJECT_VALUE_MAX_LENGTH) {
    errors.push({ field: 'value', message: `must be at most ${SUBJECT_VALUE_MAX_LENGTH} characters` });
  } else if (value.trim() !== value) {
    errors.push({ field: 'value', message: 'must not start or end with whitespace' });
  }

  const chain = checkChain(type, subject.chain, errors);
  if (errors.length > 0 || !type || value === undefined) return { ok: false, errors };

  const check = checkValue(type, value, chain);
  if (!check.ok) return { ok: false, errors: [{ field: 'value', message: check.message }] };
  if (type === 'wallet_address' || type === 'tx_hash') {
    return { ok: true, canonical: { type, value: check.canonical, chain: chain as SubjectChain } };
  }
  return { ok: true, canonical: { type, value: check.canonical } };
}

export function isSubjectType(type: unknown): type is SubjectType {
  return (SUBJECT_TYPES as readonly unknown[]).includes(type);
}

function checkChain(
  type: SubjectType | undefined,
  chain: unknown,
  errors: SubjectFieldError[],
): SubjectChain | undefined {
  if (!type) return undefined;
  const needsChain = ON_CHAIN_TYPES.includes(type);
  if (!needsChain) {
    if (chain !== undefined)
      errors.push({ field: 'chain', message: `must not be given for a subject of type ${type}` });
    return undefined;
  }
  if (chain === undefined || chain === null) {
    errors.push({ field: 'chain', message: `is required for a subject of type ${type}` });
    return undefined;
  }
  if (!isSubjectChain(chain)) {
    errors.push({ field: 'chain', message: `must be one of: ${SUBJECT_CHAINS.join(', ')}` });
    return undefined;
  }
  return chain;
}

function checkValue(type: SubjectType, value: string, chain: SubjectChain | undefined): FormatCheck {
  switch (type) {
    case 'uid':
      return checkUid(value);
    case 'email':
      return checkEmail(value);
    case 'phone':
      return checkPhone(value);
    case 'wallet_address':
      return checkAddress(value, chainFamily(chain as SubjectChain));
    case 'tx_hash':
      return checkTxHash(value, chainFamily(chain as SubjectChain));
  }
}

function checkAddress(address: string, family: ChainFamily): FormatCheck {
  if (family === 'bitcoin') return checkBitcoinAddress(address);
  if (family === 'tron') return checkTronAddress(address);
  return checkEvmAddress(address);
}
