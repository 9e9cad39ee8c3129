import { createHash, randomUUID } from 'node:crypto';
import type { CommandMessage } from '@lers/contracts';

/**
 * The id of what a command creates. With an Idempotency-Key it is derived from the actor and the
 * key, so even a retry that runs again (its first attempt died after writing, before replying)
 * meets its own first write through the unique _id instead of creating a second record.
 */
export function operationIdOf(command: Pick<CommandMessage, 'actor' | 'idempotencyKey'>): string {
  if (!command.idempotencyKey) return randomUUID();
  const hash = createHash('sha256')
    .update(JSON.stringify(['operation', command.actor.kind, command.actor.id ?? '', command.idempotencyKey]))
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x80; // RFC 9562 version 8 (custom)
  hash[8] = (hash[8] & 0x3f) | 0x80; // variant 10
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
