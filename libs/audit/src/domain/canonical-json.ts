import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JSON Canonicalization Scheme): keys sorted, no whitespace, one spelling per value, so
 * the same entry hashes the same anywhere — in the service, in an export, in an auditor's script.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('not representable as JSON');
  return text;
}
