import { CONSUMER_ROLES } from '../../access/actor.js';
import type { Filter } from '../../access/filter.js';
import type { Executor } from '../../db/database.js';

export interface ReviewRow {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  role: string;
  is_admin: number;
  permissions: string;
  active: number;
  group_id: number | null;
  group_name: string | null;
  group_permissions: string | null;
  created_by_email: string | null;
  created_at: string;
  last_login_at: string | null;
}

/** Every Dashboard user and administrator, with group and creator. */
export async function reviewUsers(ex: Executor): Promise<ReviewRow[]> {
  return ex
    .selectFrom('users as u')
    .leftJoin('user_groups as g', 'g.id', 'u.group_id')
    .leftJoin('users as c', 'c.id', 'u.created_by')
    // Consumers are not reviewed here: they hold no Dashboard or Admin Portal rights.
    .where('u.role', 'not in', CONSUMER_ROLES)
    .select([
      'u.id',
      'u.email',
      'u.first_name',
      'u.last_name',
      'u.role',
      'u.is_admin',
      'u.permissions',
      'u.active',
      'u.group_id',
      'g.name as group_name',
      'g.permissions as group_permissions',
      'c.email as created_by_email',
      'u.created_at',
      'u.last_login_at',
    ])
    .orderBy('u.id')
    .execute();
}

export interface OwnedApi {
  user_id: number;
  api_id: string;
  name: string;
  via: 'user' | 'group';
}

/** The APIs each user owns, directly or through their group, limited to those `visible` lets through (a filter on `a.id`). */
export async function ownedApis(ex: Executor, visible: Filter): Promise<OwnedApi[]> {
  let direct = ex
    .selectFrom('api_owner_users as o')
    .innerJoin('apis as a', 'a.id', 'o.api_id')
    .select(['o.user_id', 'a.api_id', 'a.name']);
  let viaGroup = ex
    .selectFrom('users as u')
    .innerJoin('api_owner_groups as o', 'o.group_id', 'u.group_id')
    .innerJoin('apis as a', 'a.id', 'o.api_id')
    .select(['u.id as user_id', 'a.api_id', 'a.name']);
  if (visible.kind === 'restricted') {
    direct = direct.where(visible.where);
    viaGroup = viaGroup.where(visible.where);
  }
  const [d, g] = await Promise.all([direct.orderBy('a.name').execute(), viaGroup.orderBy('a.name').execute()]);
  return [...d.map((r) => ({ ...r, via: 'user' as const })), ...g.map((r) => ({ ...r, via: 'group' as const }))];
}
