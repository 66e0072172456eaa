import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The Dashboard Admin API's one credential: the configured admin secret (Tyk's
 * `admin_secret`), sent in the `admin-auth` header. Both sides are hashed before
 * the comparison, so that it takes the same time whatever the given value's
 * length or content. With no secret configured nothing matches: the Admin API
 * is off, never open.
 */
export function adminSecretCheck(configured: string | undefined): (given: string | undefined) => boolean {
  const expected = configured === undefined || configured === '' ? undefined : createHash('sha256').update(configured).digest();
  return (given) => {
    if (expected === undefined || given === undefined) return false;
    return timingSafeEqual(createHash('sha256').update(given).digest(), expected);
  };
}
