const REDACTED = '[redacted]';

/**
 * The e-mail text as kept once it is sent (or has failed for good): one-time tokens — in link
 * fragments, on `… code:` lines and in JSON examples — are replaced, so the notification
 * database holds nothing that activates an account or confirms anything.
 */
export function withoutTokens(text: string): string {
  return text
    .replace(/([#?&]token=)[^\s&]+/g, `$1${REDACTED}`)
    .replace(/^((?:[A-Z][a-z]+ )?[Cc]ode: ).+$/gm, `$1${REDACTED}`)
    .replace(/("token":\s*")[^"]*(")/g, `$1${REDACTED}$2`);
}
