import type { paths } from '@portcullis/web-shared';
import { useQuery } from '@tanstack/react-query';
import { api, ensureOk } from '../../api.js';
import { keysKey } from '../policies/model.js';

export type KeyData = paths['/api/keys/{keyId}']['get']['responses'][200]['content']['application/json'];
export type KeySession = KeyData['data'];
export type CreatedKey = paths['/api/keys']['post']['responses'][200]['content']['application/json'];
export type KeyInput = NonNullable<paths['/api/keys']['post']['requestBody']>['content']['application/json'];

export function useKeyHashes() {
  return useQuery({
    queryKey: [...keysKey, 'all'],
    queryFn: async (): Promise<string[]> => {
      const { data, error, response } = await api.GET('/api/keys', { params: { query: { p: -1 } } });
      ensureOk(response, error);
      return data!.data.keys;
    },
  });
}

export async function fetchKey(keyId: string): Promise<KeyData> {
  const { data, error, response } = await api.GET('/api/keys/{keyId}', { params: { path: { keyId } } });
  ensureOk(response, error);
  return data!;
}

export const keyQuery = (keyId: string) => ({ queryKey: [...keysKey, 'one', keyId], queryFn: () => fetchKey(keyId) });

export function useKey(keyId: string) {
  return useQuery(keyQuery(keyId));
}

/** The first characters of a hash: enough to tell keys apart in a list. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

/** A key's expiry in words. */
export function describeExpiry(expires: number): string {
  if (!(expires > 0)) return 'Never';
  const at = new Date(expires * 1000);
  return `${at.toLocaleString()}${at.getTime() <= Date.now() ? ' (expired)' : ''}`;
}

export function isExpired(expires: number): boolean {
  return expires > 0 && expires * 1000 <= Date.now();
}

/** The name shown for a key: its alias, or the start of its hash. */
export function keyLabel(k: KeyData): string {
  return k.data.alias.trim() !== '' ? k.data.alias : `Key ${shortHash(k.key_id)}`;
}
