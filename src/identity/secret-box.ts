import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/*
 * Secrets the server must use again (an OAuth provider's initial access token,
 * a registered client's secret and management token) are stored encrypted with
 * AES-256-GCM under a key derived from the `secrets_key` setting: a copy of the
 * database alone does not give them away. Format: `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function secretBox(secretsKey: string): SecretBox {
  const key = createHash('sha256').update(`portcullis secrets v1\u0000${secretsKey}`).digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
    },
    open(sealed) {
      const [v, iv, tag, ct] = sealed.split('.');
      if (v !== 'v1' || iv === undefined || tag === undefined || ct === undefined) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
