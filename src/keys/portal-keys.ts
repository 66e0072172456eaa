import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Executor } from '../db/database.js';
import { hashSecret, newSecret } from '../identity/tokens.js';
import { countKeysOwnedBy, deleteKeyRow, insertKey, keyHashesOf, replaceKeyPolicies, setKeysOwner } from './keys.repository.js';

/*
 * Gateway keys issued for Developer Portal credentials. An explicit, named bypass
 * of the Dashboard's `keys` permission and of API ownership: the portal has
 * already decided (an approved access request, a consumer allowed to change the
 * app) and calls these inside its own transaction.
 */

export interface PortalKeySpec {
  /** The backing policy of the product and plan: it grants the product's APIs with the plan's limits. */
  policyId: number;
  /** The app's owner: the key works only while they are active, and goes with them. */
  ownerUserId: number;
  alias: string;
  /** Seconds until the key expires; 0 never. */
  expiresIn: number;
}

export interface MintedKey {
  /** The key itself: to be shown once, never stored. */
  key: string;
  keyHash: string;
  keyId: number;
  /** Unix seconds; 0 never. */
  expires: number;
}

const now = (): string => new Date().toISOString();

/**
 * Mints a key bound to the backing policy alone (its own limits left at 0, so the
 * policy's are in force and follow the plan when it changes). Only the hash is stored.
 */
export async function mintPortalKey(trx: Executor, actor: Actor, spec: PortalKeySpec): Promise<MintedKey> {
  const key = newSecret();
  const keyHash = hashSecret(key);
  const expires = spec.expiresIn > 0 ? Math.floor(Date.now() / 1000) + spec.expiresIn : 0;
  const at = now();
  const keyId = await insertKey(trx, {
    key_hash: keyHash,
    alias: spec.alias.slice(0, 200),
    rate: 0,
    per: 0,
    quota_max: 0,
    quota_renewal_rate: 0,
    expires,
    is_inactive: 0,
    tags: JSON.stringify(['portal']),
    meta_data: JSON.stringify({ portal_owner_user_id: spec.ownerUserId }),
    created_at: at,
    updated_at: at,
    owner_user_id: spec.ownerUserId,
  });
  await replaceKeyPolicies(trx, keyId, [spec.policyId]);
  await recordAudit(trx, actor, {
    action: 'key.create',
    targetType: 'key',
    targetId: keyHash,
    changes: { alias: spec.alias, managed_by: 'portal', apply_policies: [String(spec.policyId)], owner_user_id: spec.ownerUserId, expires },
  });
  return { key, keyHash, keyId, expires };
}

/** Deletes portal keys (a revoked credential): the gateway refuses them from the next request on. */
export async function revokePortalKeys(trx: Executor, actor: Actor, keyIds: number[], reason: string): Promise<number> {
  if (keyIds.length === 0) return 0;
  const rows = await keyHashesOf(trx, keyIds);
  for (const row of rows) {
    await deleteKeyRow(trx, row.id);
    await recordAudit(trx, actor, { action: 'key.delete', targetType: 'key', targetId: row.key_hash, changes: { managed_by: 'portal', reason } });
  }
  return rows.length;
}

/** An app changed hands: its keys now belong to (and live and die with) the new owner. */
export async function transferPortalKeys(trx: Executor, actor: Actor, keyIds: number[], ownerUserId: number): Promise<void> {
  if (keyIds.length === 0) return;
  const rows = await keyHashesOf(trx, keyIds);
  if (rows.length === 0) return;
  await setKeysOwner(trx, keyIds, ownerUserId, now());
  for (const row of rows) {
    await recordAudit(trx, actor, { action: 'key.update', targetType: 'key', targetId: row.key_hash, changes: { managed_by: 'portal', owner_user_id: ownerUserId } });
  }
}

/** How many keys a user owns: those that go with the account when it is deleted. */
export async function countKeysOf(ex: Executor, userId: number): Promise<number> {
  return countKeysOwnedBy(ex, userId);
}
