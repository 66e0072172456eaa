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
  /** A portal consumer's organisation; null for Dashboard users and administrators. */
  organisation_id: number | null;
  /** How the account signs in: 'password' (SSO providers later). */
  provider: Generated<string>;
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
  /** Its rows in audit_log_apis, kept by triggers (migration 0032): zero marks an entry concerning no API. */
  api_count: Generated<number>;
}

/** An API (apis.id) an audit entry concerns (migration 0016). */
export interface AuditLogApisTable {
  audit_id: number;
  api_id: number;
}

/** Who could see an API when it was deleted: its owners, or one row of nulls when it had none (migration 0016). */
export interface DeletedApiOwnersTable {
  api_id: number;
  user_id: number | null;
  group_id: number | null;
}

export interface ApisTable {
  id: Generated<number>;
  api_id: string;
  kind: 'classic' | 'oas';
  name: string;
  active: number;
  listen_path: string;
  /** listen_path normalised for the uniqueness rule among active APIs. */
  listen_path_key: string;
  target_url: string;
  use_keyless: number;
  /** The Tyk Classic api_definition (synthesised for OAS APIs), JSON. */
  definition: string;
  /** The OpenAPI document of an OAS API, JSON. */
  oas: string | null;
  /** 1 when the API has at least one owner (user or group). */
  owned: number;
  created_at: string;
  updated_at: string;
}

export interface ApiOwnerUsersTable {
  api_id: number;
  user_id: number;
}

export interface ApiOwnerGroupsTable {
  api_id: number;
  group_id: number;
}

export interface PoliciesTable {
  id: Generated<number>;
  name: string;
  active: number;
  rate: number;
  per: number;
  quota_max: number;
  quota_renewal_rate: number;
  key_expires_in: number;
  tags: string;
  meta_data: string;
  created_at: string;
  updated_at: string;
  /** The client's own `_id` when it is not a numeric id (migration 0020); null otherwise. */
  custom_id: string | null;
  /** Tyk fields Portcullis does not act on, kept as sent (a JSON object; src/http/tyk-fields.ts). */
  tyk_fields: Generated<string>;
  /** APIs it grants (its access rights), kept by triggers (migration 0029): zero marks a policy granting none. */
  api_count: Generated<number>;
}

/** One API granted by a policy or a key; `rights` holds versions, allowed_urls and an optional per-API limit (JSON). */
export interface PolicyAccessRightsTable {
  policy_id: number;
  api_id: number;
  rights: string;
}

export interface KeysTable {
  id: Generated<number>;
  /** SHA-256 of the key; also its public id. The key itself is never stored. */
  key_hash: string;
  alias: string;
  rate: number;
  per: number;
  quota_max: number;
  quota_renewal_rate: number;
  /** Unix seconds; 0 never expires. */
  expires: number;
  is_inactive: number;
  tags: string;
  meta_data: string;
  created_at: string;
  updated_at: string;
  /** The portal consumer a credential key was issued to: it works only while they are active. */
  owner_user_id: number | null;
  /** Tyk fields Portcullis does not act on, kept as sent (a JSON object; src/http/tyk-fields.ts). */
  tyk_fields: Generated<string>;
  /** Its access rights plus its policies' ones, kept by triggers (migration 0029): zero marks a key granting no API. */
  api_count: Generated<number>;
}

export interface KeyAccessRightsTable {
  key_id: number;
  api_id: number;
  rights: string;
}

export interface KeyPoliciesTable {
  key_id: number;
  policy_id: number;
  position: number;
}

export interface AnalyticsRecordsTable {
  id: Generated<number>;
  at: string;
  api_id: string;
  method: string;
  path: string;
  response_code: number;
  request_time: number;
  upstream_time: number;
  api_key: string;
  ip_address: string;
  content_length: number;
  /** MCP APIs only (migration 0030): the JSON-RPC method, and the primitive it names. */
  mcp_method: string | null;
  mcp_primitive_type: string | null;
  mcp_primitive_name: string | null;
  /** The OAuth client of a JWT-authenticated call; '' otherwise. */
  oauth_id: Generated<string>;
}

export interface AnalyticsCounters {
  hits: number;
  success: number;
  errors: number;
  status_2xx: number;
  status_3xx: number;
  status_4xx: number;
  status_5xx: number;
  request_time_sum: number;
  upstream_time_sum: number;
}

export interface AnalyticsHourlyApiTable extends AnalyticsCounters {
  api_id: string;
  /** YYYY-MM-DDTHH (UTC). */
  hour: string;
}

export interface AnalyticsHourlyKeyTable extends AnalyticsCounters {
  api_key: string;
  api_id: string;
  hour: string;
}

export interface AnalyticsHourlyEndpointTable extends AnalyticsCounters {
  api_id: string;
  method: string;
  path: string;
  hour: string;
}

export interface OrganisationsTable {
  id: Generated<number>;
  name: string;
  /** Lower-cased name: organisation names are unique, whatever their case. */
  name_normalized: string;
  is_default: number;
  created_at: string;
  updated_at: string;
}

export interface TeamsTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  is_default: number;
  created_at: string;
  updated_at: string;
}

/** The single row of Developer Portal settings. */
/** Settings > Appearance: one row (id 1); empty strings mean the default. */
export interface PortalAppearanceTable {
  id: number;
  portal_name: string;
  /** image/png, image/jpeg or image/svg+xml; '' when there is no logo. */
  logo_media_type: string;
  logo_base64: string;
  /** #rrggbb, or '' for the portal's own colour. */
  primary_colour: string;
  font_family: string;
  custom_css: string;
  /** Markdown shown on the home page above the catalogues. */
  introduction: string;
  /** JSON array of { label, url }. */
  menu_links: string;
  updated_at: string;
}

export interface PortalSettingsTable {
  id: number;
  auto_approve_consumers: number;
  /** 0 closes self-registration (invitations still work). */
  self_registration: Generated<number>;
  admin_notification_email: string;
  sender_email: string;
  smtp_host: string;
  smtp_port: number;
  smtp_username: string;
  /** Needed in clear to sign in to the mail server; write-only through the API. */
  smtp_password: string;
  updated_at: string;
}

/** Self-registration: an email domain places new consumers in an organisation and team. */
export interface RegistrationRulesTable {
  domain: string;
  organisation_id: number;
  team_id: number;
  auto_approve: number;
}

/** A consumer's membership of one of their organisation's teams. */
export interface TeamMembersTable {
  user_id: number;
  team_id: number;
}

/** Single-use password reset links (30 minutes); the token itself is never stored. */
export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  /** The client address that asked for the link (migration 0009). */
  requested_from: string;
}

/** A consumer-admin's invitation into their organisation, by email with a registration link. */
export interface InvitesTable {
  token_hash: string;
  email: string;
  email_normalized: string;
  organisation_id: number;
  team_id: number | null;
  role: string;
  invited_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Email written in the same transaction as its event, delivered (and retried) by the outbox worker. */
export interface EmailOutboxTable {
  id: Generated<number>;
  event: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: Generated<string>;
  created_at: string;
  sent_at: string | null;
}

export interface CataloguesTable {
  id: Generated<number>;
  name: string;
  name_normalized: string;
  visibility: 'public' | 'private';
  created_at: string;
  updated_at: string;
}

/** The audience of a private catalogue: whole organisations ... */
export interface CatalogueOrganisationsTable {
  catalogue_id: number;
  organisation_id: number;
}

/** ... and single teams. */
export interface CatalogueTeamsTable {
  catalogue_id: number;
  team_id: number;
}

export interface ProductsTable {
  id: Generated<number>;
  name: string;
  name_normalized: string;
  display_name: string;
  description: string;
  /** JSON array of strings. */
  tags: string;
  created_at: string;
  updated_at: string;
  /** Tyk fields Portcullis does not act on, kept as sent (a JSON object; src/http/tyk-fields.ts). */
  tyk_fields: Generated<string>;
  /** Its rows in product_apis, kept by triggers (migration 0029): zero marks a product exposing no API. */
  api_count: Generated<number>;
}

/** An API a product exposes (apis.id), with its documentation. */
export interface ProductApisTable {
  product_id: number;
  api_id: number;
  position: number;
  description: string;
  /** An uploaded OpenAPI document (JSON); null takes the OAS API's own. */
  oas_document: string | null;
}

/** A product's Markdown guides, in order. */
export interface ProductGuidesTable {
  id: Generated<number>;
  product_id: number;
  title: string;
  markdown: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface CatalogueProductsTable {
  catalogue_id: number;
  product_id: number;
}

/** Rate rate/per (0/0 = unlimited) and quota quota_max per quota_renewal_rate seconds (-1/-1 = unlimited). */
export interface PlansTable {
  id: Generated<number>;
  name: string;
  name_normalized: string;
  display_name: string;
  description: string;
  rate: number;
  per: number;
  quota_max: number;
  quota_renewal_rate: number;
  key_expires_in: number;
  auto_approve: number;
  created_at: string;
  updated_at: string;
  /** Tyk fields Portcullis does not act on, kept as sent (a JSON object; src/http/tyk-fields.ts). */
  tyk_fields: Generated<string>;
}

export interface CataloguePlansTable {
  catalogue_id: number;
  plan_id: number;
}

/** The Dashboard policy behind a product offered with a plan, kept in step with both. */
export interface ProductPlanPoliciesTable {
  product_id: number;
  plan_id: number;
  policy_id: number;
}

export interface AppsTable {
  id: Generated<number>;
  name: string;
  description: string;
  user_id: number;
  visibility: 'personal' | 'team' | 'organisation';
  created_at: string;
  updated_at: string;
  /** Its access requests, kept by triggers (migration 0029): zero marks an app with none. */
  request_count: Generated<number>;
}

export interface AccessRequestsTable {
  id: Generated<number>;
  app_id: number;
  user_id: number;
  product_id: number;
  plan_id: number;
  catalogue_id: number | null;
  status: 'pending' | 'approved' | 'rejected';
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  decided_by: number | null;
  /** The administrator's comment on the decision; empty when none. */
  decision_comment: Generated<string>;
  /** The OAuth client type the consumer chose (Tyk's ClientTypeID, migration 0031); null: the product's first. */
  client_type_id: number | null;
}

/** An approved request's credential; its gateway key is minted when the consumer first views it. */
export interface CredentialsTable {
  id: Generated<number>;
  access_request_id: number;
  app_id: number;
  key_id: number | null;
  revealed: Generated<number>;
  created_at: string;
  updated_at: string;
  /** DCR products: the client registered at the provider on approval. */
  oauth_client_id: Generated<string | null>;
  oauth_client_type_id: Generated<number | null>;
  /** RFC 7592 management URI and token (encrypted) of the client. */
  dcr_registration_client_uri: Generated<string | null>;
  dcr_registration_token_enc: Generated<string | null>;
  /** The client secret, encrypted, until the consumer has seen it once (then null). */
  oauth_client_secret_enc: Generated<string | null>;
}

/** An OAuth 2.0 provider the portal registers clients at (dynamic client registration). */
export interface OauthProvidersTable {
  id: Generated<number>;
  name: string;
  type: string;
  well_known_url: string;
  ssl_insecure_skip_verify: number;
  /** The provider's initial access token, sealed (src/identity/sealing.ts); '' when none. */
  initial_access_token_enc: string;
  created_at: string;
  updated_at: string;
}

export interface OauthClientTypesTable {
  id: Generated<number>;
  provider_id: number;
  name: string;
  description: string;
  /** Comma-separated. */
  response_types: string;
  /** Comma-separated. */
  grant_types: string;
  token_endpoint_auth_method: string;
  okta_app_type: string;
  created_at: string;
  updated_at: string;
}

export interface ProductClientTypesTable {
  product_id: number;
  client_type_id: number;
}

/** Clients to delete at their provider (RFC 7592), queued by a trigger when their credential goes. */
export interface OauthClientDeletionsTable {
  id: Generated<number>;
  client_id: string;
  registration_client_uri: string | null;
  registration_token_enc: string | null;
  attempts: number;
  last_error: string;
  created_at: string;
  next_attempt_at: string;
}

/** Blog posts and pages of the Live Portal (Markdown). */
export interface PortalContentTable {
  id: Generated<number>;
  kind: 'post' | 'page';
  title: string;
  path: string;
  lede: string;
  markdown: string;
  status: 'published' | 'draft';
  author_id: number | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One row (id 1) whose version triggers bump on every write gateways cache (migration 0008). */
/** Rows per list, kept by triggers (migration 0028): the page count of an unfiltered list. */
export interface RowCountsTable {
  name: RowCounter;
  n: number;
}

export type RowCounter = 'apis' | 'policies' | 'keys' | 'user_groups' | 'audit_logs' | 'access_requests' | 'users_staff' | 'users_consumer';

export interface GatewayChangesTable {
  id: number;
  version: number;
}

export interface Database {
  installation: InstallationTable;
  user_groups: UserGroupsTable;
  users: UsersTable;
  password_history: PasswordHistoryTable;
  sessions: SessionsTable;
  failed_sign_ins: FailedSignInsTable;
  audit_logs: AuditLogsTable;
  audit_log_apis: AuditLogApisTable;
  deleted_api_owners: DeletedApiOwnersTable;
  apis: ApisTable;
  api_owner_users: ApiOwnerUsersTable;
  api_owner_groups: ApiOwnerGroupsTable;
  policies: PoliciesTable;
  policy_access_rights: PolicyAccessRightsTable;
  keys: KeysTable;
  key_access_rights: KeyAccessRightsTable;
  key_policies: KeyPoliciesTable;
  analytics_records: AnalyticsRecordsTable;
  analytics_hourly_api: AnalyticsHourlyApiTable;
  analytics_hourly_key: AnalyticsHourlyKeyTable;
  analytics_hourly_endpoint: AnalyticsHourlyEndpointTable;
  organisations: OrganisationsTable;
  teams: TeamsTable;
  portal_settings: PortalSettingsTable;
  portal_appearance: PortalAppearanceTable;
  registration_rules: RegistrationRulesTable;
  team_members: TeamMembersTable;
  password_reset_tokens: PasswordResetTokensTable;
  invites: InvitesTable;
  email_outbox: EmailOutboxTable;
  catalogues: CataloguesTable;
  catalogue_organisations: CatalogueOrganisationsTable;
  catalogue_teams: CatalogueTeamsTable;
  products: ProductsTable;
  product_apis: ProductApisTable;
  product_guides: ProductGuidesTable;
  catalogue_products: CatalogueProductsTable;
  plans: PlansTable;
  catalogue_plans: CataloguePlansTable;
  product_plan_policies: ProductPlanPoliciesTable;
  apps: AppsTable;
  access_requests: AccessRequestsTable;
  credentials: CredentialsTable;
  oauth_providers: OauthProvidersTable;
  oauth_client_types: OauthClientTypesTable;
  product_client_types: ProductClientTypesTable;
  oauth_client_deletions: OauthClientDeletionsTable;
  portal_content: PortalContentTable;
  gateway_changes: GatewayChangesTable;
  row_counts: RowCountsTable;
  sso_profiles: SsoProfilesTable;
  sso_identities: SsoIdentitiesTable;
}

/** A single sign-on profile (migration 0024); `client_secret_sealed` is encrypted, '' when none. */
export interface SsoProfilesTable {
  id: string;
  name: string;
  action_type: string;
  provider_name: string;
  discovery_url: string;
  client_id: string;
  client_secret_sealed: string;
  scopes: string;
  custom_email_field: string;
  custom_user_group_field: string;
  user_group_mapping: string;
  user_group_separator: string;
  default_user_group_id: string;
  registered_users_only: number;
  sso_only: number;
  return_url: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

/** An identity at a provider (issuer, subject) and the account it signs into (migration 0025). */
export interface SsoIdentitiesTable {
  id: Generated<number>;
  issuer: string;
  subject: string;
  user_id: number;
  profile_id: string;
  email: string;
  created_at: string;
  last_sign_in_at: string;
}
