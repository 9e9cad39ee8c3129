import type { DisclosureObject } from '@lers/contracts';

const FALLBACK_NAME = 'disclosure';
const MAX_NAME_LENGTH = 150;

/**
 * A file name safe inside `filename="…"` on every client: only letters, digits, dot, dash,
 * underscore and space survive (quotes, slashes, control and non-ASCII characters become `_`),
 * and a leading dot cannot hide the file.
 */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._ -]/g, '_')
    .replace(/^[. ]+/, '')
    .trim()
    .slice(0, MAX_NAME_LENGTH);
  return /[A-Za-z0-9]/.test(cleaned) ? cleaned : FALLBACK_NAME;
}

/** Our own headers on a released package: always a download, never sniffed, never cached. */
export function attachmentHeaders(object: DisclosureObject): Record<string, string> {
  return {
    'content-type': object.contentType,
    'content-length': String(object.size),
    'content-disposition': `attachment; filename="${safeFileName(object.fileName)}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'x-content-sha256': object.sha256,
  };
}
