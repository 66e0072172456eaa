import type { Actor } from '../access/actor.js';
import { unrestricted, type Access, type Scope } from '../access/access.js';
import { requireHolds, requireSection } from '../access/policy.js';
import { recordAudit, rememberDeletedApi } from '../audit/audit.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { isUniqueViolation } from '../db/transactions.js';
import { Conflict, Invalid, NotFound } from '../errors.js';
import { pageCount, pageWindow } from '../pagination.js';
import {
  activeListenPathTaken,
  deleteApiRow,
  existingGroupIds,
  existingUserIds,
  findApi,
  findApiByApiId,
  insertApi,
  listApis,
  ownersOf,
  replaceOwners,
  updateApiRow,
  type ApiOwners,
  type ApiRow,
  type ApiSort,
} from './apis.repository.js';
import { listenPathKey, type ApiSpec, type Json } from './definitions.js';
import { storedId } from '../http/ids.js';
import type { PoliciesService } from '../policies/policies.service.js';

export interface ApiWithOwners {
  row: ApiRow;
  owners: ApiOwners;
}

/** Owner lists as clients send them: ids as strings. */
export interface OwnerInput {
  userIds?: string[];
  userGroupIds?: string[];
}

/** Where each checked value sits in the request, for error messages. */
export interface SpecFields {
  /** The definition itself (`api_definition`, or the OAS document's place). */
  definition: string;
  apiId: string;
  listenPath: string;
  users: string;
  groups: string;
}

const now = (): string => new Date().toISOString();

/** The stored columns of a definition (everything but its ids, ownership flag and times). */
function specColumns(spec: ApiSpec) {
  return {
    name: spec.name,
    active: spec.active ? 1 : 0,
    listen_path: spec.listenPath,
    listen_path_key: listenPathKey(spec.listenPath),
    target_url: spec.targetUrl,
    use_keyless: spec.useKeyless ? 1 : 0,
    definition: JSON.stringify(spec.definition),
    oas: spec.oas ? JSON.stringify(spec.oas) : null,
  };
}

function parseIds(raw: string[], field: string): number[] {
  const bad = raw.filter((x) => storedId(x) === undefined);
  if (bad.length > 0) throw new Invalid(field, `unknown id${bad.length > 1 ? 's' : ''} ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
  return [...new Set(raw.map(Number))];
}

/** The policy ids a definition's JWT settings name, with the field naming them (`jwt_default_policies`, `jwt_scope_to_policy_mapping`). */
function jwtPolicyIds(definition: Json): { field: string; id: string }[] {
  const out: { field: string; id: string }[] = [];
  const defaults = definition.jwt_default_policies;
  if (Array.isArray(defaults)) for (const id of defaults) if (typeof id === 'string') out.push({ field: 'jwt_default_policies', id });
  const mapping = definition.jwt_scope_to_policy_mapping;
  if (typeof mapping === 'object' && mapping !== null && !Array.isArray(mapping)) {
    for (const id of Object.values(mapping as Json)) if (typeof id === 'string') out.push({ field: 'jwt_scope_to_policy_mapping', id });
  }
  return out;
}

export function apisService({ store, config }: AppContext, { access, policies }: { access: Access; policies: PoliciesService }) {
  const { db } = store;
  const justWritten = unrestricted('read back the API this call just wrote');

  async function mustFind(ex: Executor, actor: Actor, ref: string, kind?: 'classic' | 'oas'): Promise<ApiRow> {
    const row = await findApi(ex, ref, access.filters.apis(ex, access.scope(actor)));
    if (!row || (kind !== undefined && row.kind !== kind)) throw new NotFound('API');
    return row;
  }

  async function checkOwners(ex: Executor, input: OwnerInput, current: ApiOwners, fields: { users: string; groups: string }): Promise<ApiOwners> {
    const userIds = input.userIds === undefined ? current.userIds : parseIds(input.userIds, fields.users);
    const groupIds = input.userGroupIds === undefined ? current.groupIds : parseIds(input.userGroupIds, fields.groups);
    const users = await existingUserIds(ex, userIds);
    const missingUsers = userIds.filter((id) => !users.has(id));
    if (missingUsers.length > 0) throw new Invalid(fields.users, `unknown user id${missingUsers.length > 1 ? 's' : ''} ${missingUsers.map((x) => `"${x}"`).join(', ')}`);
    const groups = await existingGroupIds(ex, groupIds);
    const missingGroups = groupIds.filter((id) => !groups.has(id));
    if (missingGroups.length > 0) throw new Invalid(fields.groups, `unknown user group id${missingGroups.length > 1 ? 's' : ''} ${missingGroups.map((x) => `"${x}"`).join(', ')}`);
    return { userIds, groupIds };
  }

  async function checkListenPath(ex: Executor, spec: ApiSpec, exceptId: number | null, field: string): Promise<void> {
    if (spec.active && (await activeListenPathTaken(ex, listenPathKey(spec.listenPath), exceptId))) {
      throw new Conflict(`${field}: ${spec.listenPath} is already the listen path of another active API`);
    }
  }

  /**
   * The policies a definition gives JWTs (`jwt_default_policies`,
   * `jwt_scope_to_policy_mapping`) that the stored definition did not already
   * name: each must exist and be visible to the writer (else 400 naming the
   * field, or the OAS field it came from; a hidden policy answering as a missing one) and be held by them (else
   * 403, as for a key's policies): nobody gives more than they hold.
   */
  async function checkJwtPolicies(ex: Executor, actor: Actor, spec: ApiSpec, stored: ApiRow | null, field: string): Promise<void> {
    const kept = new Set(stored === null ? [] : jwtPolicyIds(JSON.parse(stored.definition) as Json).map((p) => p.id));
    const named = jwtPolicyIds(spec.definition).filter((p) => !kept.has(p.id));
    if (named.length === 0) return;
    const scope = access.scope(actor);
    const rowIds = (await policies.rowIdsOf(ex, named.map((p) => p.id))).map((id) => id ?? -1);
    const visible = await policies.visibleIds(ex, scope, rowIds.filter((id) => id > 0));
    for (const f of ['jwt_default_policies', 'jwt_scope_to_policy_mapping']) {
      const unknown = [...new Set(named.filter((p, i) => p.field === f && !visible.has(rowIds[i]!)).map((p) => p.id))];
      if (unknown.length > 0) throw new Invalid(spec.oasPaths?.[f] ?? `${field}.${f}`, `no such polic${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((u) => JSON.stringify(u)).join(', ')}`);
    }
    const held = await access.heldPolicyIds(ex, scope, [...visible]);
    requireHolds(actor, held.size === visible.size, 'policy');
  }

  function clashToConflict(err: unknown, spec: ApiSpec, fields: SpecFields): never {
    if (isUniqueViolation(err)) {
      const msg = String((err as Error).message);
      if (/api_id/.test(msg)) throw new Conflict(`${fields.apiId}: an API with this id already exists`);
      throw new Conflict(`${fields.listenPath}: ${spec.listenPath} is already the listen path of another active API`);
    }
    throw err;
  }

  return {
    async list(actor: Actor, opts: { p?: number; q?: string; sort?: ApiSort; kind?: 'classic' | 'oas' }): Promise<{ apis: ApiWithOwners[]; pages: number }> {
      requireSection(actor, 'apis', 'read');
      const req = { p: opts.p, pageSize: config.pageSize };
      const { rows, total } = await listApis(db, { visible: access.filters.apis(db, access.scope(actor)), q: opts.q, sort: opts.sort ?? '-created_at', kind: opts.kind, ...pageWindow(req) });
      const owners = await ownersOf(db, rows.map((r) => r.id));
      return { apis: rows.map((row) => ({ row, owners: owners.get(row.id)! })), pages: pageCount(total, req) };
    },

    async get(actor: Actor, ref: string, kind?: 'classic' | 'oas'): Promise<ApiWithOwners> {
      requireSection(actor, 'apis', 'read');
      const row = await mustFind(db, actor, ref, kind);
      return { row, owners: (await ownersOf(db, [row.id])).get(row.id)! };
    },

    /** Creates an API. A non-administrator creating one while ownership is on becomes an owner of it. */
    async create(actor: Actor, spec: ApiSpec, ownerInput: OwnerInput, fields: SpecFields): Promise<ApiWithOwners> {
      requireSection(actor, 'apis', 'write');
      try {
        return await db.transaction().execute(async (trx) => {
          let owners = await checkOwners(trx, ownerInput, { userIds: [], groupIds: [] }, fields);
          const creator = access.ownerOnCreate(actor);
          if (creator !== null && !owners.userIds.includes(creator)) owners = { ...owners, userIds: [...owners.userIds, creator] };
          if (await findApiByApiId(trx, spec.apiId)) throw new Conflict(`${fields.apiId}: an API with this id already exists`);
          await checkListenPath(trx, spec, null, fields.listenPath);
          await checkJwtPolicies(trx, actor, spec, null, fields.definition);
          const at = now();
          const id = await insertApi(trx, {
            api_id: spec.apiId,
            kind: spec.oas ? 'oas' : 'classic',
            ...specColumns(spec),
            owned: 0,
            created_at: at,
            updated_at: at,
          });
          await replaceOwners(trx, id, owners);
          await recordAudit(trx, actor, {
            action: 'api.create',
            targetType: 'api',
            targetId: spec.apiId,
            changes: { name: spec.name, kind: spec.oas ? 'oas' : 'classic', listen_path: spec.listenPath, target_url: spec.targetUrl, active: spec.active, user_owners: owners.userIds.map(String), user_group_owners: owners.groupIds.map(String) },
          });
          const row = (await findApi(trx, String(id), justWritten))!;
          return { row, owners };
        });
      } catch (err) {
        return clashToConflict(err, spec, fields);
      }
    },

    async update(
      actor: Actor,
      ref: string,
      kind: 'classic' | 'oas',
      build: (existing: ApiRow) => ApiSpec,
      ownerInput: OwnerInput,
      fields: SpecFields,
    ): Promise<ApiWithOwners> {
      requireSection(actor, 'apis', 'write');
      let spec: ApiSpec | undefined;
      try {
        return await db.transaction().execute(async (trx) => {
          const existing = await mustFind(trx, actor, ref);
          if (existing.kind !== kind) {
            if (kind === 'oas') throw new NotFound('API');
            throw new Invalid('api_definition', 'this is an OAS API: update it through /api/apis/oas/{apiId}');
          }
          spec = build(existing);
          const current = (await ownersOf(trx, [existing.id])).get(existing.id)!;
          const owners = await checkOwners(trx, ownerInput, current, fields);
          await checkListenPath(trx, spec, existing.id, fields.listenPath);
          await checkJwtPolicies(trx, actor, spec, existing, fields.definition);
          await updateApiRow(trx, existing.id, { ...specColumns(spec), updated_at: now() });
          const ownersChanged = ownerInput.userIds !== undefined || ownerInput.userGroupIds !== undefined;
          if (ownersChanged) await replaceOwners(trx, existing.id, owners);
          await recordAudit(trx, actor, {
            action: 'api.update',
            targetType: 'api',
            targetId: existing.api_id,
            changes: { name: spec.name, listen_path: spec.listenPath, target_url: spec.targetUrl, active: spec.active, ...(ownersChanged ? { user_owners: owners.userIds.map(String), user_group_owners: owners.groupIds.map(String) } : {}) },
          });
          if (ownersChanged) await recordOwnersAudit(trx, actor, existing.api_id, owners);
          const row = (await findApi(trx, String(existing.id), justWritten))!;
          return { row, owners };
        });
      } catch (err) {
        if (spec) return clashToConflict(err, spec, fields);
        throw err;
      }
    },

    async remove(actor: Actor, ref: string, kind?: 'classic' | 'oas'): Promise<void> {
      requireSection(actor, 'apis', 'write');
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, actor, ref, kind);
        // Recorded while the API still exists, so the entry knows which API it concerns; then who could see it is kept.
        await recordAudit(trx, actor, { action: 'api.delete', targetType: 'api', targetId: row.api_id, changes: { name: row.name } });
        await rememberDeletedApi(trx, row.id);
        await deleteApiRow(trx, row.id);
      });
    },

    /** An API in the given scope, or 404; for other domains (analytics), no section check. */
    async findInScope(ref: string, scope: Scope): Promise<ApiRow> {
      const row = await findApi(db, ref, access.filters.apis(db, scope));
      if (!row) throw new NotFound('API');
      return row;
    },

    /** The internal id of an API in the caller's scope, for other domains; no section check. */
    async visibleRowId(actor: Actor, ref: string): Promise<number> {
      return (await mustFind(db, actor, ref)).id;
    },

    async getOwners(actor: Actor, ref: string): Promise<ApiOwners> {
      requireSection(actor, 'apis', 'read');
      const row = await mustFind(db, actor, ref);
      return (await ownersOf(db, [row.id])).get(row.id)!;
    },

    /** Replaces both owner lists. */
    async setOwners(actor: Actor, ref: string, input: Required<OwnerInput>): Promise<ApiOwners> {
      requireSection(actor, 'apis', 'write');
      return db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, actor, ref);
        const owners = await checkOwners(trx, input, { userIds: [], groupIds: [] }, { users: 'userIds', groups: 'userGroupIds' });
        await replaceOwners(trx, row.id, owners);
        await updateApiRow(trx, row.id, { updated_at: now() });
        await recordOwnersAudit(trx, actor, row.api_id, owners);
        return owners;
      });
    },
  };
}

async function recordOwnersAudit(ex: Executor, actor: Actor, apiId: string, owners: ApiOwners): Promise<void> {
  await recordAudit(ex, actor, {
    action: 'api.owners.change',
    targetType: 'api',
    targetId: apiId,
    changes: { userIds: owners.userIds.map(String), userGroupIds: owners.groupIds.map(String) },
  });
}

export type ApisService = ReturnType<typeof apisService>;
