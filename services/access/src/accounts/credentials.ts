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

/**
 * The 30-second time step whose code `code` is, or null when it matches none. One step either side
 * allows for clock drift on the officer's phone; the caller refuses a step already used (replay).
 */
export function matchingTotpStep(secret: string | null, code: string): number | null {
  if (!secret || !/^\d{6}$/.test(code)) return null;
  const result = verifySync({ secret, token: code, epochTolerance: 30 });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
