import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets the server must use again — a single sign-on profile's client secret,
 * an OAuth provider's initial access token, a registered client's secret and
 * management token, the SSO flow's cookie — are sealed with authenticated
 * encryption (AES-256-GCM) under a key derived from the `secrets_key` setting
 * with HKDF, one key per purpose: a copy of the database alone gives none of them
 * away, and a value sealed for one purpose never opens as another (a sealed
 * client secret cannot be replayed as a sign-in cookie). A sealed value is
 * `v1.<iv>.<ciphertext>.<tag>` in base64url; anything altered fails to open.
 */
export type SealPurpose =
  | 'sso-client-secret'
  | 'sso-flow-cookie'
  | 'oauth-initial-access-token'
  | 'oauth-registration-token'
  | 'oauth-client-secret';

function keyFor(secretsKey: string, purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secretsKey, 'utf8'), Buffer.alloc(0), `portcullis ${purpose}`, 32));
}

export function seal(secretsKey: string, purpose: SealPurpose, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secretsKey, purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/**
 * The bytes of one part, or undefined unless the text is their one base64url
 * spelling: Node's decoder skips unknown characters and ignores a last
 * character's spare bits, so `…BA` and `…BB` would otherwise open alike.
 */
function partBytes(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

/** The plaintext, or undefined when the value was not sealed by this key for this purpose, or was altered at all. */
export function unseal(secretsKey: string, purpose: SealPurpose, sealed: string): string | undefined {
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return undefined;
  const [iv, body, tag] = [partBytes(parts[1]!), partBytes(parts[2]!), partBytes(parts[3]!)];
  if (iv === undefined || body === undefined || tag === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secretsKey, purpose), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Sealing bound to one key, for code that seals and opens several kinds of secret. */
export interface Sealer {
  seal(purpose: SealPurpose, plaintext: string): string;
  /** Throws when the value was not sealed by this key for this purpose (the key changed, or the row was altered). */
  open(purpose: SealPurpose, sealed: string): string;
}

export function sealer(secretsKey: string): Sealer {
  return {
    seal: (purpose, plaintext) => seal(secretsKey, purpose, plaintext),
    open(purpose, sealed) {
      const plain = unseal(secretsKey, purpose, sealed);
      if (plain === undefined) throw new Error(`a sealed ${purpose} cannot be opened with this secrets_key`);
      return plain;
    },
  };
}
