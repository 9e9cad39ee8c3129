import { hash, verify } from '@node-rs/argon2';
import { generateSecret, generateURI, verifySync } from 'otplib';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);

export async function passwordMatches(passwordHash: string | null, password: string): Promise<boolean> {
  // Without an account we still spend the same work, so timing does not reveal which e-mails exist.
  if (!passwordHash) {
    await hash(password, ARGON2_OPTIONS);
    return false;
  }
  return verify(passwordHash, password);
}

export function newTotpSecret(email: string) {
  const secret = generateSecret();
  return { secret, otpauthUrl: generateURI({ issuer: 'LERS', label: email, secret }) };
}

/** One 30-second step either side allows for clock drift on the officer's phone. */
export function totpMatches(secret: string | null, code: string): boolean {
  if (!secret || !/^\d{6}$/.test(code)) return false;
  return verifySync({ secret, token: code, epochTolerance: 30 }).valid;
}
