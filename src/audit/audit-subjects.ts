import type { Executor } from '../db/database.js';

/**
 * Which APIs an audit entry concerns, recorded with the entry (audit_log_apis)
 * so that the log can be filtered by API ownership in SQL, even once the object
 * it is about has been deleted. An entry concerns the APIs its object is tied to
 * when it is written (an API itself; the APIs a policy or key grants; those a
 * product exposes, and through it its guides, access requests, credentials and
 * the apps that asked for it; the products a catalogue entry names), plus every
 * API earlier entries about the same object concerned. In turn, the earlier
 * entries about the object (and about the app of an access request or
 * credential) take on the new entry's APIs: an object's history is shown only
 * to those who may see every API it has been tied to.
 */

type Target = { type: string; id: string };

/** The kinds of objects that can be tied to APIs; entries about others (users, groups, organisations…) concern none. */
const TIED_TO_APIS = new Set(['api', 'policy', 'key', 'product', 'product_guide', 'app', 'access_request', 'credential', 'catalogue']);

const numeric = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string' && /^\d{1,15}$/.test(v)) return Number(v);
  return undefined;
};

async function productApis(ex: Executor, productIds: number[]): Promise<number[]> {
  if (productIds.length === 0) return [];
  const rows = await ex.selectFrom('product_apis').select('api_id').where('product_id', 'in', productIds).execute();
  return rows.map((r) => r.api_id);
}

async function requestProducts(ex: Executor, column: 'id' | 'app_id', id: number): Promise<number[]> {
  const rows = await ex.selectFrom('access_requests').select('product_id').where(column, '=', id).execute();
  return rows.map((r) => r.product_id);
}

/** The APIs the object of an entry is tied to now, and those its changes name (products, a catalogue's products). */
async function apisOfEntry(ex: Executor, target: Target, changes: Record<string, unknown>): Promise<number[]> {
  const n = numeric(target.id);
  const out: number[] = [];
  const named = numeric(changes.product_id);
  if (named !== undefined) out.push(...(await productApis(ex, [named])));
  switch (target.type) {
    case 'api':
      out.push(...(await ex.selectFrom('apis').select('id').where('api_id', '=', target.id).execute()).map((r) => r.id));
      break;
    case 'policy':
      if (n !== undefined) out.push(...(await ex.selectFrom('policy_access_rights').select('api_id').where('policy_id', '=', n).execute()).map((r) => r.api_id));
      break;
    case 'key': {
      const direct = ex.selectFrom('key_access_rights as r').innerJoin('keys as k', 'k.id', 'r.key_id').select('r.api_id').where('k.key_hash', '=', target.id);
      const viaPolicies = ex
        .selectFrom('key_policies as kp')
        .innerJoin('keys as k', 'k.id', 'kp.key_id')
        .innerJoin('policy_access_rights as pr', 'pr.policy_id', 'kp.policy_id')
        .select('pr.api_id')
        .where('k.key_hash', '=', target.id);
      out.push(...(await direct.union(viaPolicies).execute()).map((r) => r.api_id));
      break;
    }
    case 'product':
      if (n !== undefined) out.push(...(await productApis(ex, [n])));
      break;
    case 'product_guide':
      if (n !== undefined) {
        const guide = await ex.selectFrom('product_guides').select('product_id').where('id', '=', n).executeTakeFirst();
        if (guide) out.push(...(await productApis(ex, [guide.product_id])));
      }
      break;
    case 'app':
      if (n !== undefined) out.push(...(await productApis(ex, await requestProducts(ex, 'app_id', n))));
      break;
    case 'access_request':
      if (n !== undefined) out.push(...(await productApis(ex, await requestProducts(ex, 'id', n))));
      break;
    case 'credential':
      if (n !== undefined) {
        const cred = await ex.selectFrom('credentials').select('access_request_id').where('id', '=', n).executeTakeFirst();
        if (cred) out.push(...(await productApis(ex, await requestProducts(ex, 'id', cred.access_request_id))));
      }
      break;
    case 'catalogue':
      if (Array.isArray(changes.products)) out.push(...(await productApis(ex, changes.products.map(numeric).filter((x): x is number => x !== undefined))));
      break;
  }
  return [...new Set(out)];
}

/** Other objects whose history an entry bears on: the app of an access request or a credential. */
async function relatedTargets(ex: Executor, target: Target, changes: Record<string, unknown>): Promise<Target[]> {
  if (target.type !== 'access_request' && target.type !== 'credential') return [];
  const out: Target[] = [];
  let appId = numeric(changes.app_id);
  const n = numeric(target.id);
  if (appId === undefined && n !== undefined) {
    const row =
      target.type === 'access_request'
        ? await ex.selectFrom('access_requests').select('app_id').where('id', '=', n).executeTakeFirst()
        : await ex.selectFrom('credentials').select('app_id').where('id', '=', n).executeTakeFirst();
    appId = row?.app_id;
  }
  if (appId !== undefined) out.push({ type: 'app', id: String(appId) });
  const requestId = numeric(changes.access_request_id);
  if (target.type === 'credential' && requestId !== undefined) out.push({ type: 'access_request', id: String(requestId) });
  return out;
}

/** The APIs the earlier entries about an object concern. */
async function historyApis(ex: Executor, target: Target): Promise<number[]> {
  const rows = await ex
    .selectFrom('audit_log_apis as s')
    .innerJoin('audit_logs as a', 'a.id', 's.audit_id')
    .select('s.api_id')
    .distinct()
    .where('a.target_type', '=', target.type)
    .where('a.target_id', '=', target.id)
    .execute();
  return rows.map((r) => r.api_id);
}

/** Records the APIs the new entry `auditId` concerns, and hands them on to the earlier entries about the same objects. */
export async function recordAuditSubjects(ex: Executor, auditId: number, target: Target, changes: Record<string, unknown>): Promise<void> {
  if (!TIED_TO_APIS.has(target.type) && changes.product_id === undefined) return;
  // An API is always itself; its api_id may be reused once it is deleted, so its entries share no history by id.
  const shared = target.type !== 'api';
  const inherited = shared ? await historyApis(ex, target) : [];
  const apis = [...new Set([...(await apisOfEntry(ex, target, changes)), ...inherited])];
  if (apis.length === 0) return;
  await ex
    .insertInto('audit_log_apis')
    .values(apis.map((api_id) => ({ audit_id: auditId, api_id })))
    .execute();
  if (!shared) return;
  for (const t of [target, ...(await relatedTargets(ex, target, changes))]) {
    await ex
      .insertInto('audit_log_apis')
      .columns(['audit_id', 'api_id'])
      .expression(
        ex
          .selectFrom(['audit_logs as a', 'audit_log_apis as n'])
          .select(['a.id as audit_id', 'n.api_id as api_id'])
          .where('n.audit_id', '=', auditId)
          .where('a.target_type', '=', t.type)
          .where('a.target_id', '=', t.id)
          .where('a.id', '<>', auditId),
      )
      .onConflict((oc) => oc.columns(['audit_id', 'api_id']).doNothing())
      .execute();
  }
}

/** Keeps who could see an API as it is deleted, so that its history stays theirs (and nobody else's). */
export async function rememberDeletedApi(ex: Executor, apiId: number): Promise<void> {
  const users = await ex.selectFrom('api_owner_users').select('user_id').where('api_id', '=', apiId).execute();
  const groups = await ex.selectFrom('api_owner_groups').select('group_id').where('api_id', '=', apiId).execute();
  const rows: { api_id: number; user_id: number | null; group_id: number | null }[] = [
    ...users.map((u) => ({ api_id: apiId, user_id: u.user_id, group_id: null })),
    ...groups.map((g) => ({ api_id: apiId, user_id: null, group_id: g.group_id })),
  ];
  if (rows.length === 0) rows.push({ api_id: apiId, user_id: null, group_id: null });
  await ex.insertInto('deleted_api_owners').values(rows).execute();
}
