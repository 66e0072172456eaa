import type { Generated } from 'kysely';

/**
 * Row types of the store. Timestamps are ISO-8601 UTC strings and flags are 0/1
 * integers in both SQLite and PostgreSQL, so that one code path reads both.
 * JSON columns hold text.
 */
export interface InstallationTable {
  id: number;
  bootstrapped_at: string;
  bootstrapped_by: number | null;
}

export interface UserGroupsTable {
  id: Generated<number>;
  name: string;
  description: string;
  active: number;
  permissions: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  email_normalized: string;
  first_name: string;
  last_name: string;
  password_hash: string | null;
  is_admin: number;
  role: string;
  permissions: string;
  group_id: number | null;
  active: number;
  password_change_required: number;
  password_updated_at: string | null;
  access_key_hash: string | null;
  access_key_hint: string | null;
  access_key_used_at: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
  last_login_at: string | null;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_used_at: string;
  ip: string;
  user_agent: string;
}

export interface FailedSignInsTable {
  id: Generated<number>;
  email_normalized: string;
  ip: string;
  at: string;
}

export interface AuditLogsTable {
  id: Generated<number>;
  at: string;
  request_id: string;
  actor_id: number | null;
  actor_email: string;
  ip: string;
  method: string;
  url: string;
  action: string;
  target_type: string;
  target_id: string;
  changes: string;
  status: number;
}

export interface Database {
  installation: InstallationTable;
  user_groups: UserGroupsTable;
  users: UsersTable;
  password_history: PasswordHistoryTable;
  sessions: SessionsTable;
  failed_sign_ins: FailedSignInsTable;
  audit_logs: AuditLogsTable;
}
