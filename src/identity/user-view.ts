import type { Actor } from '../access/actor.js';
import { renderPermissions } from '../access/permissions.js';
import { mayKnowAccessKeyOf } from '../access/policy.js';
import { DASHBOARD_ORG_ID, NEVER, PASSWORD_MAX_DAYS } from './organisation.js';
import type { User } from './users.schemas.js';
import type { UserRecord } from './users.repository.js';
import { userPermissions } from './users.service.js';

/**
 * The Tyk wire form of a Dashboard user as `viewer` ('self': the user themselves) may see it. The access key is
 * never readable again after it was issued: its owner and administrators see its
 * last four characters, everyone else nothing. `issuedKey` is the one-time full key.
 */
export function toUserView(u: UserRecord, viewer: Actor | 'self', issuedKey?: string): User {
  const view: User = {
    id: String(u.id),
    first_name: u.firstName,
    last_name: u.lastName,
    email_address: u.email,
    active: u.active,
    user_permissions: renderPermissions(userPermissions(u)),
    group_id: u.groupId === null ? '' : String(u.groupId),
    role: u.role,
    org_id: DASHBOARD_ORG_ID,
    password_change_required: u.passwordChangeRequired,
    created_at: u.createdAt,
    last_login_date: u.lastLoginAt ?? NEVER,
    password_updated: u.passwordUpdatedAt ?? NEVER,
    password_max_days: PASSWORD_MAX_DAYS,
    api_model: {},
  };
  const mayKnowKey = mayKnowAccessKeyOf(viewer, u.id);
  if (issuedKey !== undefined) view.access_key = issuedKey;
  else if (mayKnowKey && u.accessKeyHint !== null) view.access_key = `…${u.accessKeyHint}`;
  return view;
}
