import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AccessEnv } from '../access.config';

const ALGORITHM = 'aes-256-gcm';
const PREFIX = `${ALGORITHM}:`;

/**
 * TOTP seeds at rest: AES-256-GCM under the configured key, stored as
 * `aes-256-gcm:<keyId>:<iv>:<tag>:<ciphertext>` with the account id as associated data, so a
 * seed copied onto another account does not decrypt. Seeds stored before encryption (plain
 * base32) are still read; `needsReencryption` tells the caller to store them again.
 */
@Injectable()
export class TotpSeedCipher {
  private readonly current: { id: string; key: Buffer };
  private readonly keys = new Map<string, Buffer>();

  constructor(@Inject(AccessEnv) config: AccessEnv) {
    for (const entry of [...config.TOTP_ENCRYPTION_PREVIOUS_KEYS, config.TOTP_ENCRYPTION_KEY]) {
      const [id, key] = entry.split(':');
      this.keys.set(id, Buffer.from(key, 'base64'));
    }
    const [id] = config.TOTP_ENCRYPTION_KEY.split(':');
    this.current = { id, key: this.keys.get(id) as Buffer };
  }

  encrypt(seed: string, accountId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.current.key, iv).setAAD(Buffer.from(accountId));
    const ciphertext = Buffer.concat([cipher.update(seed, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
    return `${PREFIX}${this.current.id}:${parts.join(':')}`;
  }

  /** The seed, or null when there is none or it cannot be decrypted (unknown key, tampered). */
  decrypt(stored: string | null, accountId: string): string | null {
    if (!stored) return null;
    if (!stored.startsWith(PREFIX)) return stored;
    const [keyId, iv, tag, ciphertext] = stored.slice(PREFIX.length).split(':');
    const key = this.keys.get(keyId);
    if (!key || !iv || !tag || !ciphertext) return null;
    try {
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'))
        .setAAD(Buffer.from(accountId))
        .setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** Plain, or under a key that is no longer the current one. */
  needsReencryption(stored: string | null): boolean {
    return !!stored && !stored.startsWith(`${PREFIX}${this.current.id}:`);
  }
}
