const SECRET_KEY = /pass(word)?|secret|token|totp|otp|authorization|cookie|private.?key|api.?key|credential/i;
export const MASK = '[redacted]';

/**
 * Masks values under secret-looking keys, at any depth, before a log line is written.
 * Passwords, tokens and TOTP secrets must never reach the logs, whoever logs them.
 */
export function maskSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEY.test(key) && inner !== undefined && inner !== null ? MASK : maskSecrets(inner, depth + 1),
    ]),
  );
}
