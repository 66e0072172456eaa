import type { Static } from 'typebox';
import type { Actor } from '../access/actor.js';
import { complement, unrestricted, type Access, type Scope } from '../access/access.js';
import { requireHolds, requireSection } from '../access/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { Conflict, NotFound } from '../errors.js';
import { DASHBOARD_ORG_ID } from '../identity/organisation.js';
import { pageCount, pageWindow } from '../pagination.js';
import { renderAccessRights, resolveAccessRights } from './access-rights.js';
import {
  deletePolicyRow,
  findPolicy,
  insertPolicy,
  insertPolicyWithId,
  listPolicies,
  type PolicyMatch,
  policyGrants,
  policyIdTaken,
  policyRowIds,
  publicPolicyIds,
  type PolicyRef,
  replacePolicyGrants,
  updatePolicyRow,
  visiblePolicyIds,
  type PolicyRow,
} from './policies.repository.js';
import { POLICY_KEPT_FIELDS, type PolicyBody, type PolicyView } from './policies.schemas.js';
import { parseKept, pickKept, storedKept, withKept } from '../http/tyk-fields.js';
import { chosenPolicyRef, policyRef, publicPolicyId } from './policy-ids.js';

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

/** Tyk's policy search as clients write it: ids and `q` as strings. */
export interface PolicySearch {
  ids?: string[];
  q?: string;
  active?: boolean;
}

export function policiesService({ store, config }: AppContext, { access }: { access: Access }) {
  const { db } = store;
  const justWritten = unrestricted('read back the policy this call just wrote');

  /** The policies with the grants `scope` may see. */
  async function view(ex: Executor, scope: Scope, rows: PolicyRow[]): Promise<View[]> {
    const grants = await policyGrants(ex, rows.map((r) => r.id), access.filters.apis(ex, scope, 'a.id'));
    const out: View[] = [];
    for (const r of rows) {
      out.push(
        withKept(
          {
            _id: publicPolicyId(r),
            id: publicPolicyId(r),
            org_id: DASHBOARD_ORG_ID,
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
          },
          parseKept(r.tyk_fields),
        ),
      );
    }
    return out;
  }

  async function mustFind(ex: Executor, scope: Scope, id: number): Promise<PolicyRow> {
    const row = await findPolicy(ex, id, access.filters.policies(ex, scope));
    if (!row) throw new NotFound('Policy');
    return row;
  }

  /** The row of the policy `raw` names (a numeric id or a client's own `_id`) that `scope` sees; else 404. */
  async function mustFindRef(ex: Executor, scope: Scope, raw: string): Promise<PolicyRow> {
    const ref = policyRef(raw);
    const rowId = ref === undefined ? undefined : (await policyRowIds(ex, [ref])).get(ref);
    if (rowId === undefined) throw new NotFound('Policy');
    return mustFind(ex, scope, rowId);
  }

  return {
    /** Of these policy ids, those in scope; for other domains (keys), no section check. */
    visibleIds(ex: Executor, scope: Scope, ids: number[]): Promise<Set<number>> {
      return visiblePolicyIds(ex, access.filters.policies(ex, scope), ids);
    },

    /** The row ids of the policies these client-written ids name (undefined: none), whoever may see them; for keys. */
    async rowIdsOf(ex: Executor, raws: string[]): Promise<(number | undefined)[]> {
      const refs = raws.map(policyRef);
      const found = await policyRowIds(ex, refs.filter((r): r is PolicyRef => r !== undefined));
      return refs.map((r) => (r === undefined ? undefined : found.get(r)));
    },

    /** How clients know these policies (their `_id`); for keys. */
    publicIds(ex: Executor, rowIds: number[]): Promise<Map<number, string>> {
      return publicPolicyIds(ex, rowIds);
    },

    async list(actor: Actor, p: number | undefined, search: PolicySearch = {}): Promise<{ policies: View[]; pages: number }> {
      requireSection(actor, 'policies', 'read');
      const scope = access.scope(actor);
      const match: PolicyMatch = {
        // Ids that cannot name a policy (e.g. digits beyond the id columns' range) are left out, not refused.
        ids: search.ids?.map(policyRef).filter((r): r is PolicyRef => r !== undefined),
        q: search.q,
        qRef: search.q === undefined ? undefined : policyRef(search.q),
        active: search.active,
      };
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await listPolicies(db, access.filters.policies(db, scope), pageWindow(req).page, match);
      return { policies: await view(db, scope, rows), pages: pageCount(total, req) };
    },

    async get(actor: Actor, id: string): Promise<View> {
      requireSection(actor, 'policies', 'read');
      const scope = access.scope(actor);
      return (await view(db, scope, [await mustFindRef(db, scope, id)]))[0]!;
    },

    /**
     * Creates a policy, under the client's own `_id` when it sends one. Ids are one
     * space for every policy: a taken id is refused with the same answer whether
     * or not the caller may see the policy that holds it.
     */
    async create(actor: Actor, input: Input): Promise<View> {
      requireSection(actor, 'policies', 'write');
      const scope = access.scope(actor);
      const chosen = input._id === undefined || input._id === '' ? undefined : chosenPolicyRef(input._id);
      return db.transaction().execute(async (trx) => {
        const grants = await resolveAccessRights(trx, access, scope, input.access_rights ?? {}, 'access_rights');
        const at = now();
        const row = { ...columns(input), tyk_fields: storedKept(pickKept(input, POLICY_KEPT_FIELDS)), created_at: at, updated_at: at };
        if (chosen !== undefined && (await policyIdTaken(trx, chosen))) throw new Conflict('_id: this policy id is already in use');
        let id: number;
        if (chosen !== undefined && 'rowId' in chosen) {
          id = chosen.rowId;
          await insertPolicyWithId(trx, store.dialect, id, row);
        } else {
          id = await insertPolicy(trx, { ...row, custom_id: chosen?.customId ?? null });
        }
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
    async update(actor: Actor, ref: string, input: Input): Promise<View> {
      requireSection(actor, 'policies', 'write');
      const scope = access.scope(actor);
      return db.transaction().execute(async (trx) => {
        const was = await mustFindRef(trx, scope, ref);
        const id = was.id;
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

    async remove(actor: Actor, ref: string): Promise<void> {
      requireSection(actor, 'policies', 'write');
      const scope = access.scope(actor);
      await db.transaction().execute(async (trx) => {
        const row = await mustFindRef(trx, scope, ref);
        const { id } = row;
        requireHolds(actor, await access.holds(trx, scope, 'policy', id), 'policy');
        await deletePolicyRow(trx, id);
        await recordAudit(trx, actor, { action: 'policy.delete', targetType: 'policy', targetId: id, changes: { name: row.name } });
      });
    },
  };
}

export type PoliciesService = ReturnType<typeof policiesService>;
