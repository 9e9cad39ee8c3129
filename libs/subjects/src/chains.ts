/**
 * The chains a wallet address or transaction hash may name. Mainnets only: testnet coins have no
 * value, so a testnet address in a request is a mistake we refuse rather than search for.
 */
export const BITCOIN_CHAINS = ['btc'] as const;

/** EVM chains share Ethereum's address and transaction-hash formats (EIP-55 checksummed hex). */
export const EVM_CHAINS = [
  'eth',
  'polygon',
  'bsc',
  'arbitrum',
  'optimism',
  'base',
  'avalanche',
  'linea',
  'zksync',
] as const;

export const TRON_CHAINS = ['tron'] as const;

export const SUBJECT_CHAINS = [...BITCOIN_CHAINS, ...EVM_CHAINS, ...TRON_CHAINS] as const;

export type SubjectChain = (typeof SUBJECT_CHAINS)[number];
export type ChainFamily = 'bitcoin' | 'evm' | 'tron';

export function isSubjectChain(chain: unknown): chain is SubjectChain {
  return (SUBJECT_CHAINS as readonly unknown[]).includes(chain);
}

export function chainFamily(chain: SubjectChain): ChainFamily {
  if ((BITCOIN_CHAINS as readonly string[]).includes(chain)) return 'bitcoin';
  if ((TRON_CHAINS as readonly string[]).includes(chain)) return 'tron';
  return 'evm';
}
