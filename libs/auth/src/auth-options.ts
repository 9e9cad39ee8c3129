export interface AuthOptions {
  /** PEM (ES256) public key of the access service. */
  publicKey: string;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
