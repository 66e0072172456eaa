import type { Actor } from '../../access/actor.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { Executor } from '../../db/database.js';
import { Conflict, NotFound } from '../../errors.js';
import { mintPortalKey, revokePortalKeys, type MintedKey } from '../../keys/portal-keys.js';
import {
  claimReveal,
  findCredential,
  forgetClientSecret,
  insertCredential,
  keyIdsOfCredentials,
  setClientCredentialKey,
  setCredentialKey,
  unrevealCredential,
  type CredentialDetail,
} from './credentials.repository.js';

/*
 * Credentials of approved access requests. Approval records a credential without
 * a key; its gateway key is minted when someone allowed to change the app reveals
 * it (an explicit POST: no GET mints), and the key itself is in that reply only
 * (the store keeps its hash). Every function here runs inside the caller's transaction.
 */

const now = (): string => new Date().toISOString();
const NO_CLIENT_ROTATION = 'An OAuth client credential has no key to rotate: revoke it and request access again for a new client';

export interface CredentialOwner {
  appId: number;
  appName: string;
  ownerUserId: number;
}

function aliasOf(owner: CredentialOwner, cred: CredentialDetail): string {
  return `Portal: ${owner.appName} (app ${owner.appId}) / ${cred.product_name}`;
}

/** An approved request's credential, its key not minted yet. */
export async function issueCredential(trx: Executor, actor: Actor, requestId: number, appId: number): Promise<number> {
  const id = await insertCredential(trx, requestId, appId, now());
  await recordAudit(trx, actor, { action: 'credential.issue', targetType: 'credential', targetId: id, changes: { access_request_id: requestId, app_id: appId } });
  return id;
}

async function mint(trx: Executor, actor: Actor, owner: CredentialOwner, cred: CredentialDetail, policyId: number): Promise<MintedKey> {
  return mintPortalKey(trx, actor, { policyId, ownerUserId: owner.ownerUserId, alias: aliasOf(owner, cred), expiresIn: cred.plan_key_expires_in });
}

/**
 * A DCR credential's key, minted at approval: nobody ever sees it (the consumer
 * calls with the provider's tokens); the gateway finds it through the client id.
 */
export async function mintClientCredentialKey(trx: Executor, actor: Actor, owner: CredentialOwner, credentialId: number): Promise<void> {
  const cred = (await findCredential(trx, owner.appId, credentialId))!;
  if (cred.policy_id === null) throw new Conflict('The product is no longer offered with this plan');
  const minted = await mint(trx, actor, owner, cred, cred.policy_id);
  await setClientCredentialKey(trx, cred.id, minted.keyId, now());
}

/**
 * Mints the keys of the credentials never revealed yet and returns their secrets
 * (by credential id). A credential whose offering is gone (no backing policy)
 * stays unminted. A concurrent reveal that claimed a credential first wins; this
 * one then gets nothing for it.
 */
export async function revealCredentials(
  trx: Executor,
  actor: Actor,
  owner: CredentialOwner,
  creds: CredentialDetail[],
  openSecret: (sealed: string) => string,
): Promise<Map<number, MintedKey>> {
  const out = new Map<number, MintedKey>();
  for (const cred of creds) {
    if (cred.oauth_client_id !== null) {
      // A DCR credential: its client secret (kept encrypted until now) is shown this once, then forgotten.
      if (cred.revealed === 1 || cred.oauth_client_secret_enc === null || cred.key_id === null) continue;
      if (!(await claimReveal(trx, cred.id, now()))) continue;
      const secret = openSecret(cred.oauth_client_secret_enc);
      await forgetClientSecret(trx, cred.id, now());
      await recordAudit(trx, actor, { action: 'credential.reveal', targetType: 'credential', targetId: cred.id, changes: { app_id: owner.appId, oauth_client_id: cred.oauth_client_id } });
      out.set(cred.id, { key: secret, keyHash: cred.key_hash ?? '', keyId: cred.key_id, expires: 0 });
      continue;
    }
    if (cred.revealed === 1 || cred.key_id !== null || cred.policy_id === null) continue;
    if (!(await claimReveal(trx, cred.id, now()))) continue;
    const minted = await mint(trx, actor, owner, cred, cred.policy_id);
    await setCredentialKey(trx, cred.id, minted.keyId, now());
    await recordAudit(trx, actor, { action: 'credential.reveal', targetType: 'credential', targetId: cred.id, changes: { app_id: owner.appId, key: minted.keyHash } });
    out.set(cred.id, minted);
  }
  return out;
}

/** A new key for the credential, returned once; the old key is deleted in the same transaction. */
export async function rotateCredential(trx: Executor, actor: Actor, owner: CredentialOwner, credentialId: number): Promise<{ credential: CredentialDetail; minted: MintedKey }> {
  const cred = await findCredential(trx, owner.appId, credentialId);
  if (!cred) throw new NotFound('Credential');
  if (cred.policy_id === null) throw new Conflict('The product is no longer offered with this plan: the credential cannot be rotated');
  if (cred.oauth_client_id !== null) throw new Conflict(NO_CLIENT_ROTATION);
  const minted = await mint(trx, actor, owner, cred, cred.policy_id);
  await setCredentialKey(trx, cred.id, minted.keyId, now());
  if (cred.key_id !== null) await revokePortalKeys(trx, actor, [cred.key_id], `credential ${cred.id} rotated`);
  await recordAudit(trx, actor, {
    action: 'credential.rotate',
    targetType: 'credential',
    targetId: cred.id,
    changes: { app_id: owner.appId, old_key: cred.key_hash ?? null, key: minted.keyHash },
  });
  return { credential: (await findCredential(trx, owner.appId, credentialId))!, minted };
}

/**
 * An administrator's rotation: the old key is deleted now, and the credential is
 * back to "never revealed": the consumer reveals the new one, so that a
 * consumer's secret is never shown to anyone but them.
 */
export async function resetCredential(trx: Executor, actor: Actor, owner: CredentialOwner, credentialId: number): Promise<CredentialDetail> {
  const cred = await findCredential(trx, owner.appId, credentialId);
  if (!cred) throw new NotFound('Credential');
  if (cred.policy_id === null) throw new Conflict('The product is no longer offered with this plan: the credential cannot be rotated');
  if (cred.oauth_client_id !== null) throw new Conflict(NO_CLIENT_ROTATION);
  await unrevealCredential(trx, cred.id, now());
  if (cred.key_id !== null) await revokePortalKeys(trx, actor, [cred.key_id], `credential ${cred.id} rotated by an administrator`);
  await recordAudit(trx, actor, {
    action: 'credential.rotate',
    targetType: 'credential',
    targetId: cred.id,
    changes: { app_id: owner.appId, old_key: cred.key_hash ?? null, key: '(minted at the owner\'s next reveal)' },
  });
  return (await findCredential(trx, owner.appId, credentialId))!;
}

/** Deletes the keys of an app's (or one request's) credentials; the rows go with the app or request. */
export async function revokeCredentials(trx: Executor, actor: Actor, where: { appId: number } | { requestId: number }, reason: string): Promise<number> {
  return revokePortalKeys(trx, actor, await keyIdsOfCredentials(trx, where), reason);
}
