import type { Static } from 'typebox';
import type { Actor } from '../access/actor.js';
import { complement, unrestricted, type Access, type Scope } from '../access/access.js';
import { requireHolds, requireSection } from '../access/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { NotFound } from '../errors.js';
import { pageCount, pageWindow } from '../pagination.js';
import { renderAccessRights, resolveAccessRights } from './access-rights.js';
import {
  deletePolicyRow,
  findPolicy,
  insertPolicy,
  listPolicies,
  type PolicyMatch,
  policyGrants,
  replacePolicyGrants,
  updatePolicyRow,
  visiblePolicyIds,
  type PolicyRow,
} from './policies.repository.js';
import { POLICY_KEPT_FIELDS, type PolicyBody, type PolicyView } from './policies.schemas.js';
import { parseKept, pickKept, storedKept } from '../http/tyk-fields.js';

type Input = Static<typeof PolicyBody>;
type View = Static<typeof PolicyView>;

const now = (): string => new Date().toISOString();

function columns(input: Input) {
  return {
    name: input.name,
    active: input.active === false ? 0 : 1,
    rate: input.rate ?? 0,
    per: input.per ?? 0,
    quota_max: input.quota_max ?? -1,
    quota_renewal_rate: input.quota_renewal_rate ?? -1,
    key_expires_in: input.key_expires_in ?? 0,
    tags: JSON.stringify(input.tags ?? []),
    meta_data: JSON.stringify(input.meta_data ?? {}),
  };
}

export function policiesService({ store, config }: AppContext, { access }: { access: Access }) {
  const { db } = store;
  const justWritten = unrestricted('read back the policy this call just wrote');

  /** The policies with the grants `scope` may see. */
  async function view(ex: Executor, scope: Scope, rows: PolicyRow[]): Promise<View[]> {
    const grants = await policyGrants(ex, rows.map((r) => r.id), access.filters.apis(ex, scope, 'a.id'));
    const out: View[] = [];
    for (const r of rows) {
      out.push({
        ...parseKept(r.tyk_fields),
        _id: String(r.id),
        id: String(r.id),
        name: r.name,
        active: r.active === 1,
        rate: r.rate,
        per: r.per,
        quota_max: r.quota_max,
        quota_renewal_rate: r.quota_renewal_rate,
        key_expires_in: r.key_expires_in,
        tags: JSON.parse(r.tags) as string[],
        meta_data: JSON.parse(r.meta_data) as Record<string, unknown>,
        access_rights: renderAccessRights(grants.get(r.id) ?? []),
        date_created: r.created_at,
        last_updated: r.updated_at,
      });
    }
    return out;
  }

  async function mustFind(ex: Executor, scope: Scope, id: number): Promise<PolicyRow> {
    const row = await findPolicy(ex, id, access.filters.policies(ex, scope));
    if (!row) throw new NotFound('Policy');
    return row;
  }

  return {
    /** Of these policy ids, those in scope; for other domains (keys), no section check. */
    visibleIds(ex: Executor, scope: Scope, ids: number[]): Promise<Set<number>> {
      return visiblePolicyIds(ex, access.filters.policies(ex, scope), ids);
    },

    async list(actor: Actor, p: number | undefined, match: PolicyMatch = {}): Promise<{ policies: View[]; pages: number }> {
      requireSection(actor, 'policies', 'read');
      const scope = access.scope(actor);
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await listPolicies(db, access.filters.policies(db, scope), pageWindow(req).page, match);
      return { policies: await view(db, scope, rows), pages: pageCount(total, req) };
    },

    async get(actor: Actor, id: number): Promise<View> {
      requireSection(actor, 'policies', 'read');
      const scope = access.scope(actor);
      return (await view(db, scope, [await mustFind(db, scope, id)]))[0]!;
    },

    async create(actor: Actor, input: Input): Promise<View> {
      requireSection(actor, 'policies', 'write');
      const scope = access.scope(actor);
      return db.transaction().execute(async (trx) => {
        const grants = await resolveAccessRights(trx, access, scope, input.access_rights ?? {}, 'access_rights');
        const at = now();
        const id = await insertPolicy(trx, { ...columns(input), tyk_fields: storedKept(pickKept(input, POLICY_KEPT_FIELDS)), created_at: at, updated_at: at });
        await replacePolicyGrants(trx, id, grants);
        await recordAudit(trx, actor, {
          action: 'policy.create',
          targetType: 'policy',
          targetId: id,
          changes: { name: input.name, apis: Object.keys(input.access_rights ?? {}) },
        });
        return (await view(trx, scope, [(await findPolicy(trx, id, justWritten))!]))[0]!;
      });
    },

    /** Replaces the policy; only a policy whose every API the caller sees (see access/ownership.ts, holding). */
    async update(actor: Actor, id: number, input: Input): Promise<View> {
      requireSection(actor, 'policies', 'write');
      const scope = access.scope(actor);
      return db.transaction().execute(async (trx) => {
        const was = await mustFind(trx, scope, id);
        requireHolds(actor, await access.holds(trx, scope, 'policy', id), 'policy');
        const incoming = await resolveAccessRights(trx, access, scope, input.access_rights ?? {}, 'access_rights');
        // The caller's entries replace those of the APIs they see; the others stay.
        const hidden = (await policyGrants(trx, [id], complement(access.filters.apis(trx, scope, 'a.id')))).get(id) ?? [];
        const grants = [...hidden, ...incoming];
        // Kept Tyk fields: those sent replace, those not sent stay (a client unaware of them does not wipe them).
        const tykFields = storedKept({ ...parseKept(was.tyk_fields), ...pickKept(input, POLICY_KEPT_FIELDS) });
        await updatePolicyRow(trx, id, { ...columns(input), tyk_fields: tykFields, updated_at: now() });
        await replacePolicyGrants(trx, id, grants);
        await recordAudit(trx, actor, {
          action: 'policy.update',
          targetType: 'policy',
          targetId: id,
          changes: { name: input.name, apis: Object.keys(input.access_rights ?? {}) },
        });
        return (await view(trx, scope, [(await findPolicy(trx, id, justWritten))!]))[0]!;
      });
    },

    async remove(actor: Actor, id: number): Promise<void> {
      requireSection(actor, 'policies', 'write');
      const scope = access.scope(actor);
      await db.transaction().execute(async (trx) => {
        const row = await mustFind(trx, scope, id);
        requireHolds(actor, await access.holds(trx, scope, 'policy', id), 'policy');
        await deletePolicyRow(trx, id);
        await recordAudit(trx, actor, { action: 'policy.delete', targetType: 'policy', targetId: id, changes: { name: row.name } });
      });
    },
  };
}

export type PoliciesService = ReturnType<typeof policiesService>;
