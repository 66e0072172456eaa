import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) under a key derived from the server's
 * `secretsKey` with HKDF, one derived key per purpose, so that a sealed client
 * secret can never be replayed as a sign-in cookie or the reverse. A sealed value
 * is `v1.<iv>.<ciphertext>.<tag>` in base64url; anything altered fails to open.
 */
export type SealPurpose = 'sso-client-secret' | 'sso-flow-cookie';

function keyFor(secretsKey: string, purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretsKey, 'utf8'), Buffer.alloc(0), `portcullis ${purpose}`, 32));
}

export function seal(secretsKey: string, purpose: SealPurpose, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secretsKey, purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The plaintext, or undefined when the value was not sealed by this key for this purpose. */
export function unseal(secretsKey: string, purpose: SealPurpose, sealed: string): string | undefined {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secretsKey, purpose), Buffer.from(parts[1]!, 'base64url'));
    decipher.setAuthTag(Buffer.from(parts[3]!, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(parts[2]!, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
