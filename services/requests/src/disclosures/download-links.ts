import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a download link grants: one package of one request, to one officer, until a moment. */
export interface DownloadGrant {
  requestId: string;
  disclosureId: string;
  officerId: string;
  expiresAt: number;
}

/**
 * Download links are signed, not stored: `<payload>.<HMAC-SHA256>` in base64url. Listing the
 * packages mints fresh ones without a write; opening one checks the signature and the expiry,
 * then the service checks the grant against the officer asking and records the download.
 */
export function signGrant(grant: DownloadGrant, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify([grant.requestId, grant.disclosureId, grant.officerId, grant.expiresAt]),
  ).toString('base64url');
  return `${payload}.${mac(payload, secret)}`;
}

/** The grant a token carries if it is ours and unexpired at `now`; otherwise undefined. */
export function verifyGrant(token: string, secret: string, now: number): DownloadGrant | undefined {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return undefined;
  const expected = Buffer.from(mac(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const [requestId, disclosureId, officerId, expiresAt] = JSON.parse(
      Buffer.from(payload, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      typeof requestId !== 'string' ||
      typeof disclosureId !== 'string' ||
      typeof officerId !== 'string' ||
      typeof expiresAt !== 'number'
    ) {
      return undefined;
    }
    if (now >= expiresAt) return undefined;
    return { requestId, disclosureId, officerId, expiresAt };
  } catch {
    return undefined;
  }
}

const mac = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(`lers-disclosure-link:${payload}`).digest('base64url');
