import { SUBJECT_CHAINS, validateSubject, type SubjectInput } from '@lers/subjects';

/**
 * How an identifier is matched: `<type>:<chain>:<canonical value>`, so an address written with
 * another letter case, or an e-mail with an upper-case domain, finds the same user.
 */
export function identifierKey(identifier: SubjectInput): string | null {
  const check = validateSubject(identifier);
  if (!check.ok) return null;
  const { type, value } = check.canonical;
  const chain = 'chain' in check.canonical ? check.canonical.chain : '';
  return `${type}:${chain}:${value}`;
}

const ON_CHAIN = new Set(['wallet_address', 'tx_hash']);

/**
 * The keys a lookup matches. An on-chain identifier asked without its chain matches it on every
 * chain whose format it fits (an EVM address is the same on each EVM chain); none when it fits no format.
 */
export function lookupKeys(query: { type: string; value: string; chain?: string }): string[] {
  if (query.chain !== undefined || !ON_CHAIN.has(query.type)) {
    const key = identifierKey(query);
    return key ? [key] : [];
  }
  return SUBJECT_CHAINS.map((chain) => identifierKey({ ...query, chain })).filter(
    (key): key is string => key !== null,
  );
}
