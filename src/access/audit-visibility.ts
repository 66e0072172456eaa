import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../db/database.js';
import { CONSUMER_ROLES, type Actor } from './actor.js';
import { restricted, unrestricted, type Filter } from './filter.js';
import { apiScope, ownedApiIds } from './ownership.js';
import { maySeeConsumers, maySeeGroups, maySeeStaff } from './user-visibility.js';

/*
 * Written with `in (set)` rather than correlated EXISTS (SQLite 3.53 mis-answers
 * nested EXISTS), and as one condition repositories AND into their SQL, so that
 * lists, totals and pages count only what the reader may see.
 */

/**
 * Audit log entries a reader may see. With ownership off, and for
 * administrators, every entry. Otherwise an entry is
 * shown only when:
 *
 * - every API it concerns (recorded with it in audit_log_apis) is visible to the
 *   reader now — or, for a deleted API, was visible to them when it was deleted;
 * - the object it is about, if it still exists, is tied to no API the reader
 *   cannot see (this also covers entries written before migration 0016): an API,
 *   a policy or key granting one, a product exposing one, its guides, the access
 *   requests and credentials for it and the apps that asked for it;
 * - it is about a staff account only if the reader may see Dashboard users, a
 *   consumer only if they may see the portal, a user group only if they may see
 *   user groups.
 */
export function auditFilter(ex: Executor, actor: Actor, ownershipEnabled: boolean, table = 'audit_logs'): Filter {
  const scope = apiScope(actor, ownershipEnabled);
  if (scope.kind === 'unrestricted') return scope;
  if (actor.kind !== 'user') return unrestricted('system actor'); // never: apiScope already said so
  const visible = ownedApiIds(ex, scope);
  const groupId = actor.groupId;
  const deletedButSeen = ex
    .selectFrom('deleted_api_owners as d')
    .select('d.api_id as id')
    .where((eb) =>
      eb.or([
        eb.and([eb('d.user_id', 'is', null), eb('d.group_id', 'is', null)]),
        eb('d.user_id', '=', actor.userId),
        ...(groupId !== null ? [eb('d.group_id', '=', groupId)] : []),
      ]),
    );
  const seen = visible.union(deletedButSeen);

  const id = sql.ref(`${table}.id`);
  const type = sql.ref(`${table}.target_type`);
  const target = sql.ref(`${table}.target_id`);
  const unless = (kind: string, hiddenTargets: Expression<unknown>) => sql<SqlBool>`(${type} <> ${kind} or ${target} not in (${hiddenTargets}))`;

  const hiddenProducts = sql`select hp.product_id from product_apis hp where hp.api_id not in (${visible})`;
  const conditions: Expression<SqlBool>[] = [
    sql<SqlBool>`${id} not in (select s.audit_id from audit_log_apis s where s.api_id not in (${seen}))`,
    unless('api', sql`select ha.api_id from apis ha where ha.id not in (${visible})`),
    unless('policy', sql`select cast(hr.policy_id as text) from policy_access_rights hr where hr.api_id not in (${visible})`),
    unless(
      'key',
      sql`select hk.key_hash from keys hk
          where hk.id in (select hkr.key_id from key_access_rights hkr where hkr.api_id not in (${visible}))
             or hk.id in (select hkp.key_id from key_policies hkp join policy_access_rights hpr on hpr.policy_id = hkp.policy_id where hpr.api_id not in (${visible}))`,
    ),
    unless('product', sql`select cast(hp2.product_id as text) from product_apis hp2 where hp2.api_id not in (${visible})`),
    unless('product_guide', sql`select cast(hg.id as text) from product_guides hg where hg.product_id in (${hiddenProducts})`),
    unless('access_request', sql`select cast(har.id as text) from access_requests har where har.product_id in (${hiddenProducts})`),
    unless('app', sql`select cast(hap.app_id as text) from access_requests hap where hap.product_id in (${hiddenProducts})`),
    unless(
      'credential',
      sql`select cast(hc.id as text) from credentials hc join access_requests hcr on hcr.id = hc.access_request_id where hcr.product_id in (${hiddenProducts})`,
    ),
  ];

  const consumers = sql`select cast(cu.id as text) from users cu where cu.role in (${sql.join(CONSUMER_ROLES.map((r) => sql`${r}`))})`;
  const staff = maySeeStaff(actor);
  const consumer = maySeeConsumers(actor);
  if (!staff && !consumer) conditions.push(sql<SqlBool>`${type} <> 'user'`);
  else if (!staff) conditions.push(sql<SqlBool>`(${type} <> 'user' or ${target} in (${consumers}))`);
  else if (!consumer) conditions.push(sql<SqlBool>`(${type} <> 'user' or ${target} not in (${consumers}))`);
  if (!maySeeGroups(actor)) conditions.push(sql<SqlBool>`${type} <> 'user_group'`);

  return restricted(sql<SqlBool>`(${sql.join(conditions, sql` and `)})`);
}
