import { newLinkToken } from '../applications/verification-token';

export const ACTIVATION_TTL_MS = 72 * 60 * 60 * 1000;

/** A fresh activation link: the token goes in the e-mail, its hash on the account. */
export function newActivation(now: Date) {
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + ACTIVATION_TTL_MS);
  return { token, expiresAt, stored: { tokenHash, expiresAt } };
}
