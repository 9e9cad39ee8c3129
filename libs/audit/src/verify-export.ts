import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ChainVerifier, type ChainVerdict } from './domain/audit-chain';
import type { AuditEntry } from './domain/audit-entry';

/**
 * Verifies an export (`GET /internal/audit/export`, JSON lines oldest first) with no access to
 * LERS: the chain must start at seq 1 and every entry must hash and link. `expectedHead` (the
 * `head` that `GET /internal/audit/verify` reported) also catches a truncated file.
 */
export async function verifyExportFile(
  path: string,
  expectedHead?: { seq: number; hash: string },
): Promise<ChainVerdict & { last: { seq: number; hash: string } | null }> {
  const verifier = new ChainVerifier(expectedHead ?? null);
  let last: { seq: number; hash: string } | null = null;
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line) as AuditEntry;
    if (!verifier.push(entry)) break;
    last = { seq: entry.seq, hash: entry.hash };
  }
  return { ...verifier.finish(), last };
}
