import * as crypto from 'node:crypto';
import { createHash, randomBytes } from 'node:crypto';

// crypto.hash (Node ≥ 20.12) skips the Hash object: a measurable share of each authenticated request.
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** A fresh secret: 20 random bytes (160 bits), hex. */
export function newSecret(): string {
  return randomBytes(20).toString('hex');
}

/**
 * Secrets we issue are long and random, so one SHA-256 is enough to store them:
 * the hash can be looked up directly and cannot be reversed.
 */
export function hashSecret(secret: string): string {
  return oneShotHash ? oneShotHash('sha256', secret, 'hex') : createHash('sha256').update(secret).digest('hex');
}

/** What may be shown of a secret after it was issued. */
export function secretHint(secret: string): string {
  return secret.slice(-4);
}
