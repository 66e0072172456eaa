import { sql, type Expression, type SqlBool } from 'kysely';
import { isPostgres, type Executor } from '../db/database.js';
import { inlined } from '../db/inlined.js';
import { CONSUMER_ROLES, type Actor } from './actor.js';
import { restricted, unrestricted, type Filter } from './filter.js';
import { apiScope, ownedApiIds } from './ownership.js';
import { maySeeConsumers, maySeeGroups, maySeeStaff } from './user-visibility.js';

/*
 * Written with `in (set)` rather than correlated EXISTS (SQLite 3.53 mis-answers
 * nested EXISTS), and as one condition repositories AND into their SQL, so that
 * lists, totals and pages count only what the reader may see. Its constants and
 * the reader's ids are written into the text, bound as no parameter, so that the
 * statement keeps its plan (src/db/inlined.ts).
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
        eb('d.user_id', '=', inlined(actor.userId)),
        ...(groupId !== null ? [eb('d.group_id', '=', inlined(groupId))] : []),
      ]),
    );
  const seen = visible.union(deletedButSeen);

  const id = sql.ref(`${table}.id`);
  const type = sql.ref(`${table}.target_type`);
  const target = sql.ref(`${table}.target_id`);
  // The object an entry is about, looked up by its id (equal to `cast(x.id as text) = target_id`, but by the index).
  const targetId = numericId(ex, target);
  const none = (rows: Expression<unknown>) => sql<SqlBool>`(${rows}) = 0`;
  const unless = (kind: string, hiddenTies: Expression<unknown>) => sql<SqlBool>`(${type} <> ${sql.lit(kind)} or ${none(hiddenTies)})`;
  // A product is hidden when it exposes an API the reader cannot see: its rows of product_apis outside `visible`.
  const hiddenExposure = (productId: Expression<unknown>) => sql`select count(*) from product_apis hp where hp.product_id = ${productId} and hp.api_id not in (${visible})`;

  /*
   * Each condition is a count of what ties this entry to something hidden, driven
   * by the entry's own row (its audit_log_apis rows, its target's id), so that
   * nothing is built from what the reader cannot see; and the entries are first
   * narrowed to those concerning a seen API or none at all (`api_count`, migration
   * 0032), so the cost follows what the reader sees, not the size of the log.
   */
  const conditions: Expression<SqlBool>[] = [
    sql<SqlBool>`${id} in (
      select a0.id from audit_logs a0 where a0.api_count = 0
      union select s0.audit_id from audit_log_apis s0 where s0.api_id in (${seen})
    )`,
    none(sql`select count(*) from audit_log_apis s where s.audit_id = ${id} and s.api_id not in (${seen})`),
    unless('api', sql`select count(*) from apis ha where ha.api_id = ${target} and ha.id not in (${visible})`),
    unless('policy', sql`select count(*) from policy_access_rights hr where hr.policy_id = ${targetId} and hr.api_id not in (${visible})`),
    unless('key', sql`select count(*) from keys hk join key_access_rights hkr on hkr.key_id = hk.id where hk.key_hash = ${target} and hkr.api_id not in (${visible})`),
    unless(
      'key',
      sql`select count(*) from keys hk2 join key_policies hkp on hkp.key_id = hk2.id join policy_access_rights hpr on hpr.policy_id = hkp.policy_id
          where hk2.key_hash = ${target} and hpr.api_id not in (${visible})`,
    ),
    unless('product', hiddenExposure(targetId)),
    unless('product_guide', sql`select count(*) from product_guides hg where hg.id = ${targetId} and (${hiddenExposure(sql.ref('hg.product_id'))}) > 0`),
    unless('access_request', sql`select count(*) from access_requests har where har.id = ${targetId} and (${hiddenExposure(sql.ref('har.product_id'))}) > 0`),
    unless('app', sql`select count(*) from access_requests hap where hap.app_id = ${targetId} and (${hiddenExposure(sql.ref('hap.product_id'))}) > 0`),
    unless(
      'credential',
      sql`select count(*) from credentials hc join access_requests hcr on hcr.id = hc.access_request_id
          where hc.id = ${targetId} and (${hiddenExposure(sql.ref('hcr.product_id'))}) > 0`,
    ),
  ];

  const consumers = sql`select count(*) from users cu where cu.id = ${targetId} and cu.role in (${sql.join(CONSUMER_ROLES.map((r) => sql.lit(r)))})`;
  const staff = maySeeStaff(actor);
  const consumer = maySeeConsumers(actor);
  if (!staff && !consumer) conditions.push(sql<SqlBool>`${type} <> 'user'`);
  else if (!staff) conditions.push(sql<SqlBool>`(${type} <> 'user' or (${consumers}) > 0)`);
  else if (!consumer) conditions.push(sql<SqlBool>`(${type} <> 'user' or (${consumers}) = 0)`);
  if (!maySeeGroups(actor)) conditions.push(sql<SqlBool>`${type} <> 'user_group'`);

  return restricted(sql<SqlBool>`(${sql.join(conditions, sql` and `)})`);
}

/**
 * The integer a text column holds when it is exactly an id's decimal form (what
 * `cast(id as text)` gives: no sign, no leading zero), else null: so that
 * `x.id = numericId(target_id)` answers like `cast(x.id as text) = target_id`
 * while using x's index, and never fails on a target that is not a number.
 */
function numericId(ex: Executor, column: Expression<unknown>): Expression<unknown> {
  if (isPostgres(ex)) {
    return sql`(case when ${column} ~ '^(0|[1-9][0-9]{0,17})$' then cast(${column} as bigint) end)`;
  }
  return sql`(case when ${column} <> '' and ${column} not glob '*[^0-9]*' and (${column} = '0' or ${column} not glob '0*') and length(${column}) <= 18
    then cast(${column} as integer) end)`;
}
