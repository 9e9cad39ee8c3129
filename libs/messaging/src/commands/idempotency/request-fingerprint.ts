import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** JSON with object keys sorted at every level: the same request always serialises the same way. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(
    Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

const digest = (purpose: string, canonical: string) =>
  createHash('sha256').update(purpose).update('\0').update(canonical).digest();

/**
 * What an idempotency record keeps of a request: a fingerprint to recognise the same request,
 * and a key to seal its reply. Both come from the request itself, under different labels, so
 * the stored record cannot open the reply: a reply holding tokens (a refresh, an activation) is
 * readable only by a caller who presents the very request again (which holds the old secret).
 */
export interface RequestIdentity {
  fingerprint: string;
  replyKey: Buffer;
}

export function identifyRequest(request: unknown): RequestIdentity {
  const canonical = canonicalJson(request);
  return {
    fingerprint: digest('lers-idempotency-fingerprint', canonical).toString('hex'),
    replyKey: digest('lers-idempotency-reply-key', canonical),
  };
}

/** The stored id of a key: per actor, hashed so any key length stores the same way. */
export function idempotencyRecordId(actorScope: string, key: string): string {
  return createHash('sha256')
    .update(JSON.stringify([actorScope, key]))
    .digest('hex');
}

export interface SealedReply {
  iv: string;
  tag: string;
  data: string;
}

/** AES-256-GCM with the request's reply key. */
export function sealReply(reply: unknown, key: Buffer): SealedReply {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(reply), 'utf8'), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** The reply, or undefined when the key does not open it (another request, or altered data). */
export function openReply<Reply>(sealed: SealedReply, key: Buffer): Reply | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as Reply;
  } catch {
    return undefined;
  }
}
