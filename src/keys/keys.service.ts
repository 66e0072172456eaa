import type { Static } from 'typebox';
import type { Actor } from '../access/actor.js';
import { complement, unrestricted, type Access, type Filter, type Scope } from '../access/access.js';
import { requireHolds, requireSection } from '../access/policy.js';
import type { ApisService } from '../apis/apis.service.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AppContext } from '../context.js';
import { together, type Executor } from '../db/database.js';
import { Invalid, NotFound } from '../errors.js';
import { hashSecret, newSecret } from '../identity/tokens.js';
import { pageCount, pageWindow } from '../pagination.js';
import { renderAccessRights, resolveAccessRights, type Grant, type GrantView, type StoredRights } from '../policies/access-rights.js';
import type { PoliciesService } from '../policies/policies.service.js';
import {
  deleteKeyRow,
  findKeyByHash,
  insertKey,
  keyGrantsApi,
  keyGrants,
  keyGrantsOfKeys,
  keyPolicyGrants,
  keyPolicyGrantsOfKeys,
  keyPolicyIds,
  keyPolicyIdsOfKeys,
  listKeys,
  policyLimits,
  replaceKeyGrants,
  replaceKeyPolicies,
  updateKeyRow,
  type KeyRow,
} from './keys.repository.js';
import { KEY_KEPT_FIELDS, type KeyBody, type SessionView } from './keys.schemas.js';
import { parseKept, pickKept, storedKept, withKept } from '../http/tyk-fields.js';
import { effectiveLimits, type Limits } from './limits.js';

type Input = Static<typeof KeyBody>;

/** The gateway counters' read side (src/gateway/counters.ts). */
export interface QuotaCounters {
  quota(bucket: string, limits: Limits): { quotaRemaining: number; quotaRenews: number } | Promise<{ quotaRemaining: number; quotaRenews: number }>;
}
type Session = Static<typeof SessionView>;

/** How a route names a key: `hashed` (Tyk's query parameter) for its hash only; `apiRef` for a key under /api/apis/{apiId}/keys. */
interface KeyLookup {
  hashed?: boolean;
  apiRef?: string;
}

const now = (): string => new Date().toISOString();

/** A key as Tyk's session object shows it, from its row and what was read about it. */
function sessionOf(row: KeyRow, accessRights: Session['access_rights'], applyPolicies: string[], limits: Limits): Session {
  return withKept(
    {
      access_rights: accessRights,
      apply_policies: applyPolicies,
      ...limits,
      expires: row.expires,
      is_inactive: row.is_inactive === 1,
      alias: row.alias,
      meta_data: JSON.parse(row.meta_data) as Record<string, unknown>,
      tags: JSON.parse(row.tags) as string[],
      date_created: row.created_at,
      last_updated: row.updated_at,
    },
    parseKept(row.tyk_fields),
  );
}

export function keysService({ store, config }: AppContext, deps: { access: Access; apis: ApisService; policies: PoliciesService }) {
  const { db } = store;
  const { access } = deps;
  const visiblePolicyIds = deps.policies.visibleIds;
  const justWritten = unrestricted('read back the key this call just wrote');
  /** Where the gateway's counters can be read (set once the server knows), for a key's quota left. */
  let counters: QuotaCounters | undefined;

  /**
   * The policies a key asks for. A hidden or unknown one answers 400 alike; one the
   * caller sees but does not hold (it also grants an API they cannot see) 403.
   */
  async function resolvePolicies(ex: Executor, actor: Actor, scope: Scope, input: Input): Promise<number[] | undefined> {
    const raw = input.apply_policies ?? (input.apply_policy_id ? [input.apply_policy_id] : undefined);
    if (raw === undefined || raw === null) return undefined;
    const ids = (await deps.policies.rowIdsOf(ex, raw)).map((id) => id ?? -1);
    const visible = await visiblePolicyIds(ex, scope, ids.filter((i) => i > 0));
    const unknown = raw.filter((_, i) => !visible.has(ids[i]!));
    if (unknown.length > 0) throw new Invalid('apply_policies', `no such polic${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((u) => JSON.stringify(u)).join(', ')}`);
    const held = await access.heldPolicyIds(ex, scope, [...visible]);
    requireHolds(actor, held.size === visible.size, 'policy');
    return [...new Set(ids)];
  }

  /**
   * The rights a key really has on the APIs `apis` lets through: its own, and for
   * other APIs those of its active policies (a key's own entry for an API wins).
   */
  async function effectiveGrants(ex: Executor, keyId: number, apis: Filter): Promise<{ own: GrantView[]; viaPolicies: GrantView[] }> {
    const own = await keyGrants(ex, keyId, apis);
    const ownIds = new Set(own.map((g) => g.apiRowId));
    return { own, viaPolicies: (await keyPolicyGrants(ex, keyId, apis)).filter((g) => !ownIds.has(g.apiRowId)) };
  }

  const sameRights = (a: StoredRights, b: StoredRights): boolean =>
    JSON.stringify([a.versions, a.allowed_urls.map((u) => [u.url, u.methods]), a.limit]) === JSON.stringify([b.versions, b.allowed_urls.map((u) => [u.url, u.methods]), b.limit]);

  /**
   * A client that read a key and sends it back echoes the rights its policies give:
   * those entries stay with the policies (and follow them) instead of becoming the key's own.
   */
  function withoutEchoes(incoming: Grant[], viaPolicies: GrantView[]): Grant[] {
    const derived = new Map(viaPolicies.map((g) => [g.apiRowId, g.rights]));
    return incoming.filter((g) => {
      const d = derived.get(g.apiRowId);
      return !(d && sameRights(d, g.rights));
    });
  }

  /** The key as `scope` may see it: limits in force, and only visible APIs and policies. */
  async function session(ex: Executor, scope: Scope, row: KeyRow): Promise<Session> {
    // Limits come from every policy of the key; only the visible ones are named.
    const policies = await policyLimits(ex, await keyPolicyIds(ex, row.id, unrestricted('limits in force: every policy of the key counts')));
    const limits = effectiveLimits(row, policies);
    const shownPolicies = await keyPolicyIds(ex, row.id, access.filters.policies(ex, scope, 'key_policies.policy_id'));
    const publicIds = await deps.policies.publicIds(ex, shownPolicies);
    const { own, viaPolicies } = await effectiveGrants(ex, row.id, access.filters.apis(ex, scope, 'a.id'));
    return sessionOf(row, renderAccessRights([...own, ...viaPolicies]), shownPolicies.map((id) => publicIds.get(id) ?? String(id)), limits);
  }

  /** session() for a page of keys, with one statement per kind of read instead of one per key (Tyk's /api/keys/detailed). */
  async function sessions(ex: Executor, scope: Scope, rows: KeyRow[]): Promise<Session[]> {
    const ids = rows.map((r) => r.id);
    const apis = access.filters.apis(ex, scope, 'a.id');
    // Sent together, in two rounds: what does not depend on the keys' policies, then (only when a key
    // of the page has any) what does. Public ids are read for every policy of the page; only shown ones are named.
    const [every, own] = await together(ex, [() => keyPolicyIdsOfKeys(ex, ids, unrestricted('limits in force: every policy of the key counts')), () => keyGrantsOfKeys(ex, ids, apis)]);
    const policyIds = [...new Set([...every.values()].flat())].sort((a, b) => a - b);
    const [limitRows, shown, publicIds, viaPolicies] =
      policyIds.length === 0
        ? [[], new Map<number, number[]>(), new Map<number, string>(), new Map<number, GrantView[]>()]
        : await together(ex, [
            () => policyLimits(ex, policyIds),
            () => keyPolicyIdsOfKeys(ex, ids, access.filters.policies(ex, scope, 'key_policies.policy_id')),
            () => deps.policies.publicIds(ex, policyIds),
            () => keyPolicyGrantsOfKeys(ex, ids, apis),
          ]);
    return rows.map((row) => {
      const mine = new Set(every.get(row.id) ?? []);
      const ownGrants = own.get(row.id) ?? [];
      const ownIds = new Set(ownGrants.map((g) => g.apiRowId));
      return sessionOf(
        row,
        renderAccessRights([...ownGrants, ...(viaPolicies.get(row.id) ?? []).filter((g) => !ownIds.has(g.apiRowId))]),
        (shown.get(row.id) ?? []).map((id) => publicIds.get(id) ?? String(id)),
        effectiveLimits(row, limitRows.filter((p) => mine.has(p.id))),
      );
    });
  }

  /**
   * The key `keyId` names: the key itself or its hash, as Tyk's `{keyId}` takes
   * either; with `hashed` (Tyk's query parameter), its hash only. With `apiRowId`
   * (Tyk's /api/apis/{apiId}/keys/{keyId}), a key that does not grant that API is missing too.
   */
  async function mustFind(ex: Executor, scope: Scope, keyId: string, { hashed = false, apiRowId }: { hashed?: boolean; apiRowId?: number } = {}): Promise<KeyRow> {
    const visible = access.filters.keys(ex, scope);
    const row = (await findKeyByHash(ex, keyId, visible)) ?? (hashed ? undefined : await findKeyByHash(ex, hashSecret(keyId), visible));
    if (!row || (apiRowId !== undefined && !(await keyGrantsApi(ex, row.id, apiRowId)))) throw new NotFound('Key');
    return row;
  }

  /** The internal id of the API in a key route's path (404 when the caller cannot see it). */
  async function apiOfPath(actor: Actor, apiRef: string | undefined): Promise<number | undefined> {
    return apiRef === undefined ? undefined : deps.apis.visibleRowId(actor, apiRef);
  }

  function columns(input: Input) {
    return {
      alias: input.alias ?? '',
      rate: input.rate ?? 0,
      per: input.per ?? 0,
      quota_max: input.quota_max ?? 0,
      quota_renewal_rate: input.quota_renewal_rate ?? 0,
      is_inactive: input.is_inactive ? 1 : 0,
      tags: JSON.stringify(input.tags ?? []),
      meta_data: JSON.stringify(input.meta_data ?? {}),
    };
  }

  return {
    async list(actor: Actor, p: number | undefined, apiRef?: string): Promise<{ keys: string[]; pages: number }> {
      requireSection(actor, 'keys', 'read');
      const scope = access.scope(actor);
      let apiRowId: number | undefined;
      if (apiRef !== undefined) apiRowId = await deps.apis.visibleRowId(actor, apiRef);
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await listKeys(db, { visible: access.filters.keys(db, scope), apiRowId, ...pageWindow(req) });
      return { keys: rows.map((r) => r.key_hash), pages: pageCount(total, req) };
    },

    /** Tyk's /api/keys/detailed: every key you can see with its session, `q` a part of the key hash. */
    async listDetailed(actor: Actor, p: number | undefined, q: string | undefined): Promise<{ keys: { keyHash: string; data: Session }[]; pages: number }> {
      requireSection(actor, 'keys', 'read');
      const scope = access.scope(actor);
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await listKeys(db, { visible: access.filters.keys(db, scope), hashContains: q, ...pageWindow(req) });
      const data = await sessions(db, scope, rows);
      return { keys: rows.map((row, i) => ({ keyHash: row.key_hash, data: data[i]! })), pages: pageCount(total, req) };
    },

    /** Reads quotas left from these counters from now on (the in-process gateway's, or Redis's). */
    readQuotaFrom(source: QuotaCounters | undefined): void {
      counters = source;
    },

    /** One key; with `apiRef`, only if it grants that API (Tyk's /api/apis/{apiId}/keys/{keyId}). */
    async get(actor: Actor, keyId: string, { hashed = false, apiRef }: KeyLookup = {}): Promise<{ keyHash: string; data: Session }> {
      requireSection(actor, 'keys', 'read');
      const scope = access.scope(actor);
      const row = await mustFind(db, scope, keyId, { hashed, apiRowId: await apiOfPath(actor, apiRef) });
      const data = await session(db, scope, row);
      if (counters) {
        // The key's own bucket, as the gateway counts it (an access right with its own limit counts apart).
        // Unreachable counters leave the fields out: the key reads fine, its quota left is unknown.
        const left = await Promise.resolve(counters.quota(row.key_hash, data)).catch(() => undefined);
        if (left) {
          data.quota_remaining = left.quotaRemaining;
          data.quota_renews = left.quotaRenews;
        }
      }
      return { keyHash: row.key_hash, data };
    },

    /** Issues a key; the key itself is in this reply only, the store keeps its hash. */
    async create(actor: Actor, input: Input): Promise<{ key: string; keyHash: string; data: Session }> {
      requireSection(actor, 'keys', 'write');
      const scope = access.scope(actor);
      const key = newSecret();
      const keyHash = hashSecret(key);
      return db.transaction().execute(async (trx) => {
        const grants = await resolveAccessRights(trx, access, scope, input.access_rights ?? {}, 'access_rights');
        const policyIds = (await resolvePolicies(trx, actor, scope, input)) ?? [];
        if (grants.length === 0 && policyIds.length === 0) {
          throw new Invalid('access_rights', 'a key must grant at least one API, directly or through apply_policies');
        }
        let expires = input.expires !== undefined && input.expires > 0 ? input.expires : 0;
        if (expires === 0) {
          const ttl = Math.max(0, ...(await policyLimits(trx, policyIds)).map((p) => p.key_expires_in));
          if (ttl > 0) expires = Math.floor(Date.now() / 1000) + ttl;
        }
        const at = now();
        const tykFields = storedKept(pickKept(input, KEY_KEPT_FIELDS));
        const id = await insertKey(trx, { key_hash: keyHash, ...columns(input), tyk_fields: tykFields, expires, created_at: at, updated_at: at });
        await replaceKeyGrants(trx, id, grants);
        await replaceKeyPolicies(trx, id, policyIds);
        await recordAudit(trx, actor, {
          action: 'key.create',
          targetType: 'key',
          targetId: keyHash,
          changes: { alias: input.alias ?? '', apis: Object.keys(input.access_rights ?? {}), apply_policies: [...(await deps.policies.publicIds(trx, policyIds)).values()] },
        });
        const row = (await findKeyByHash(trx, keyHash, justWritten))!;
        return { key, keyHash, data: await session(trx, scope, row) };
      });
    },

    /**
     * Replaces the key's settings. Only a key whose every API the caller sees
     * (directly and through its policies) may be changed: see access/ownership.ts, holding.
     */
    async update(actor: Actor, keyId: string, input: Input, hashed = false): Promise<{ keyHash: string; data: Session }> {
      requireSection(actor, 'keys', 'write');
      const scope = access.scope(actor);
      return db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, scope, keyId, { hashed });
        requireHolds(actor, await access.holds(trx, scope, 'key', row.id), 'key');
        const policyIds = await resolvePolicies(trx, actor, scope, input);
        if (policyIds !== undefined) {
          // The caller's list replaces the policies they see; the others stay, first.
          const hidden = await keyPolicyIds(trx, row.id, complement(access.filters.policies(trx, scope, 'key_policies.policy_id')));
          await replaceKeyPolicies(trx, row.id, [...hidden, ...policyIds]);
        }
        if (input.access_rights !== undefined) {
          const incoming = await resolveAccessRights(trx, access, scope, input.access_rights ?? {}, 'access_rights');
          const visibleApis = access.filters.apis(trx, scope, 'a.id');
          const { viaPolicies } = await effectiveGrants(trx, row.id, visibleApis);
          // The caller's entries replace the key's own on the APIs they see; the others stay.
          const hidden = await keyGrants(trx, row.id, complement(visibleApis));
          await replaceKeyGrants(trx, row.id, [...hidden, ...withoutEchoes(incoming, viaPolicies)]);
        }
        const expires = input.expires === undefined ? row.expires : Math.max(0, input.expires);
        // Kept Tyk fields: those sent replace, those not sent stay (a client unaware of them does not wipe them).
        const tykFields = storedKept({ ...parseKept(row.tyk_fields), ...pickKept(input, KEY_KEPT_FIELDS) });
        await updateKeyRow(trx, row.id, { ...columns(input), tyk_fields: tykFields, expires, updated_at: now() });
        await recordAudit(trx, actor, {
          action: 'key.update',
          targetType: 'key',
          targetId: row.key_hash,
          changes: { alias: input.alias ?? '', is_inactive: input.is_inactive ?? false },
        });
        const updated = (await findKeyByHash(trx, row.key_hash, justWritten))!;
        return { keyHash: row.key_hash, data: await session(trx, scope, updated) };
      });
    },

    /** Revokes a key; with `apiRef`, only one that grants that API (Tyk's /api/apis/{apiId}/keys/{keyId}). */
    async remove(actor: Actor, keyId: string, { hashed = false, apiRef }: KeyLookup = {}): Promise<void> {
      requireSection(actor, 'keys', 'write');
      const scope = access.scope(actor);
      const apiRowId = await apiOfPath(actor, apiRef);
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, scope, keyId, { hashed, apiRowId });
        requireHolds(actor, await access.holds(trx, scope, 'key', row.id), 'key');
        await deleteKeyRow(trx, row.id);
        await recordAudit(trx, actor, { action: 'key.delete', targetType: 'key', targetId: row.key_hash });
      });
    },
  };
}

export type KeysService = ReturnType<typeof keysService>;
