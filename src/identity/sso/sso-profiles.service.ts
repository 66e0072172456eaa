import type { Actor } from '../../access/actor.js';
import { requireMayManageSsoProfile, requireMayReadSsoProfiles, type SsoAudience } from '../../access/sso-access.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/transactions.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.js';
import { storedId } from '../../http/ids.js';
import { portalDate } from '../../portal/portal-date.js';
import { unknownTeamIds } from '../../portal/accounts/sso-placement.service.js';
import { findGroupById } from '../groups.repository.js';
import { discoverOnce, discoveryUrlProblem, requireDiscoveryUrl } from './oidc.js';
import { seal, unseal } from '../sealing.js';
import {
  anySsoOnlyProfile,
  deleteSsoProfile,
  findSsoProfile,
  insertSsoProfile,
  listSsoProfiles,
  listSsoProfilesOfAction,
  updateSsoProfile,
  type SsoProfileRow,
} from './sso-profiles.repository.js';
import {
  CONSUMER_ACTION,
  STAFF_ACTION,
  type SsoProfileCreate,
  type SsoProfileIndexElem,
  type SsoProfileTestResult,
  type SsoProfileUpdate,
  type SsoProfileView,
  type SsoSignInOptions,
} from './sso.schemas.js';

export type { SsoProfileRow } from './sso-profiles.repository.js';

export const DEFAULT_SCOPES = ['openid', 'email', 'profile'];

export function audienceOf(actionType: string): SsoAudience {
  return actionType === STAFF_ACTION ? 'staff' : 'consumers';
}

export function actionOf(audience: SsoAudience): string {
  return audience === 'staff' ? STAFF_ACTION : CONSUMER_ACTION;
}

/** Where a profile's sign-in starts and where the provider sends the browser back (paths on this server). */
export const ssoPaths = {
  login: (id: string) => `/auth/sso/${encodeURIComponent(id)}/login`,
  callback: (id: string) => `/auth/sso/${encodeURIComponent(id)}/callback`,
};

/** Whether password sign-in is switched off for an audience (any of its profiles says SSOOnly). */
export function passwordSignInClosed(ex: Executor, audience: SsoAudience): Promise<boolean> {
  return anySsoOnlyProfile(ex, actionOf(audience));
}

/** The answer to a password sign-in, registration or reset while single sign-on only is on for the audience (403 `sso_required`). */
export function ssoRequired(audience: SsoAudience): Forbidden {
  return new Forbidden(`sso_required: password sign-in is switched off for ${audience === 'staff' ? 'staff' : 'API consumers'}; sign in with single sign-on instead`, 'sso_required');
}

export function parseScopes(stored: string): string[] {
  const v: unknown = JSON.parse(stored);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : DEFAULT_SCOPES;
}

export function parseMapping(stored: string): Record<string, string> {
  const v: unknown = JSON.parse(stored);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The client secret of a profile, opened with the server's key; undefined for a public client. */
export function clientSecretOf(row: SsoProfileRow, secretsKey: string | undefined): string | undefined {
  if (row.client_secret_sealed === '') return undefined;
  const secret = secretsKey === undefined ? undefined : unseal(secretsKey, 'sso-client-secret', row.client_secret_sealed);
  if (secret === undefined) throw new Error(`the client secret of SSO profile ${row.id} cannot be opened with the configured PORTCULLIS_SECRETS_KEY`);
  return secret;
}

type ProfileInput = SsoProfileCreate | SsoProfileUpdate;

export function ssoProfilesService({ store, config }: AppContext) {
  const { db } = store;
  const abs = (path: string) => `${config.publicUrl}${path}`;

  function computed(r: SsoProfileRow) {
    return {
      LoginURL: abs(ssoPaths.login(r.id)),
      RedirectURL: abs(ssoPaths.callback(r.id)),
      SelectedProviderType: 'openid-connect' as const,
      Type: 'redirect' as const,
      UpdatedAt: portalDate(r.updated_at),
      UpdatedBy: r.updated_by,
    };
  }

  function view(r: SsoProfileRow): SsoProfileView {
    return {
      ID: r.id,
      Name: r.name,
      ActionType: r.action_type === STAFF_ACTION ? STAFF_ACTION : CONSUMER_ACTION,
      ProviderName: r.provider_name,
      ProviderConfig: { DiscoveryURL: r.discovery_url, ClientID: r.client_id, Scopes: parseScopes(r.scopes), ClientSecretSet: r.client_secret_sealed !== '' },
      CustomEmailField: r.custom_email_field,
      CustomUserGroupField: r.custom_user_group_field,
      UserGroupMapping: parseMapping(r.user_group_mapping),
      UserGroupSeparator: r.user_group_separator,
      DefaultUserGroupID: r.default_user_group_id,
      SSOOnlyForRegisteredUsers: r.registered_users_only === 1,
      SSOOnly: r.sso_only === 1,
      ReturnURL: r.return_url,
      ...computed(r),
    };
  }

  function indexElem(r: SsoProfileRow): SsoProfileIndexElem {
    return {
      ID: r.id,
      Name: r.name,
      ActionType: r.action_type === STAFF_ACTION ? STAFF_ACTION : CONSUMER_ACTION,
      ProviderName: r.provider_name,
      SSOOnly: r.sso_only === 1,
      ...computed(r),
    };
  }

  /** A user group id (staff) or a team id (consumers) the profile names: it must exist. */
  async function requireTarget(ex: Executor, audience: SsoAudience, raw: string, field: string): Promise<void> {
    const id = storedId(raw);
    const what = audience === 'staff' ? 'user group' : 'team';
    if (id === undefined) throw new Invalid(field, `expected the id of a ${what}, got ${JSON.stringify(raw)}`);
    if (audience === 'staff') {
      if (!(await findGroupById(ex, id))) throw new Invalid(field, `no user group ${id}`);
    } else if ((await unknownTeamIds(ex, [id])).length > 0) {
      throw new Invalid(field, `no team ${id}`);
    }
  }

  function requireReturnUrl(raw: string): void {
    if (raw === '') return;
    if (raw.startsWith('/') && !raw.startsWith('//') && !raw.includes('\\')) return;
    if (raw === config.publicUrl || raw.startsWith(`${config.publicUrl}/`)) return;
    throw new Invalid('ReturnURL', `must be a path on this server (e.g. /portal/dashboard) or start with ${config.publicUrl}/`);
  }

  /** Checks the input and turns it into the stored columns (the secret sealed); `previous` keeps an absent secret. */
  async function columns(ex: Executor, input: ProfileInput, previous: SsoProfileRow | undefined): Promise<Omit<SsoProfileRow, 'id' | 'created_at' | 'updated_at' | 'updated_by'>> {
    const audience = audienceOf(input.ActionType);
    const pc = input.ProviderConfig;
    requireDiscoveryUrl(pc.DiscoveryURL, 'ProviderConfig.DiscoveryURL');
    const scopes = pc.Scopes ?? DEFAULT_SCOPES;
    if (!scopes.includes('openid')) throw new Invalid('ProviderConfig.Scopes', 'must include openid');
    let sealed = previous?.client_secret_sealed ?? '';
    if (pc.ClientSecret !== undefined) {
      if (pc.ClientSecret === '') sealed = '';
      else {
        if (config.secretsKey === undefined) {
          throw new Invalid('ProviderConfig.ClientSecret', 'cannot be stored: the server has no PORTCULLIS_SECRETS_KEY to encrypt it with (see docs/sso.md)');
        }
        sealed = seal(config.secretsKey, 'sso-client-secret', pc.ClientSecret);
      }
    }
    const mapping = input.UserGroupMapping ?? {};
    for (const [claim, target] of Object.entries(mapping)) await requireTarget(ex, audience, target, `UserGroupMapping.${claim}`);
    const def = input.DefaultUserGroupID ?? '';
    if (def !== '') await requireTarget(ex, audience, def, 'DefaultUserGroupID');
    if (Object.keys(mapping).length > 0 && (input.CustomUserGroupField ?? '') === '') {
      throw new Invalid('CustomUserGroupField', 'is required when UserGroupMapping is given (the claim that holds the groups, e.g. groups)');
    }
    requireReturnUrl(input.ReturnURL ?? '');
    return {
      name: input.Name.trim(),
      action_type: input.ActionType,
      provider_name: input.ProviderName.trim(),
      discovery_url: pc.DiscoveryURL,
      client_id: pc.ClientID,
      client_secret_sealed: sealed,
      scopes: JSON.stringify([...new Set(scopes)]),
      custom_email_field: input.CustomEmailField ?? '',
      custom_user_group_field: input.CustomUserGroupField ?? '',
      user_group_mapping: JSON.stringify(mapping),
      user_group_separator: input.UserGroupSeparator ?? '',
      default_user_group_id: def,
      registered_users_only: input.SSOOnlyForRegisteredUsers ? 1 : 0,
      sso_only: input.SSOOnly ? 1 : 0,
      return_url: input.ReturnURL ?? '',
    };
  }

  /** What the audit log keeps of a profile: everything but the secret, which is only said to be set or changed. */
  function auditChanges(input: ProfileInput): Record<string, unknown> {
    const pc: Record<string, unknown> = { ...input.ProviderConfig };
    delete pc.ClientSecretSet;
    if (input.ProviderConfig.ClientSecret !== undefined) pc.ClientSecret = input.ProviderConfig.ClientSecret === '' ? '(removed)' : '(changed)';
    return { ...input, ProviderConfig: pc };
  }

  async function mustFind(ex: Executor, id: string): Promise<SsoProfileRow> {
    const row = await findSsoProfile(ex, id);
    if (!row) throw new NotFound('SSO profile');
    return row;
  }

  return {
    async list(actor: Actor): Promise<SsoProfileIndexElem[]> {
      requireMayReadSsoProfiles(actor);
      return (await listSsoProfiles(db)).map(indexElem);
    },

    async get(actor: Actor, id: string): Promise<SsoProfileView> {
      requireMayReadSsoProfiles(actor);
      return view(await mustFind(db, id));
    },

    async create(actor: Actor, input: SsoProfileCreate): Promise<SsoProfileView> {
      requireMayManageSsoProfile(actor, audienceOf(input.ActionType));
      try {
        return await db.transaction().execute(async (trx) => {
          if (await findSsoProfile(trx, input.ID)) throw new Conflict(`ID: an SSO profile ${input.ID} already exists`);
          const at = new Date().toISOString();
          const row: SsoProfileRow = { id: input.ID, ...(await columns(trx, input, undefined)), created_at: at, updated_at: at, updated_by: actor.kind === 'user' ? actor.email : 'system' };
          await insertSsoProfile(trx, row);
          await recordAudit(trx, actor, { action: 'sso_profile.create', targetType: 'sso_profile', targetId: row.id, changes: auditChanges(input) });
          return view(row);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new Conflict(`ID: an SSO profile ${input.ID} already exists`);
        throw err;
      }
    },

    async update(actor: Actor, id: string, input: SsoProfileUpdate): Promise<SsoProfileView> {
      requireMayReadSsoProfiles(actor);
      if (input.ID !== undefined && input.ID !== id) throw new Invalid('ID', `must be ${id} (the profile's key cannot change)`);
      return db.transaction().execute(async (trx) => {
        const previous = await mustFind(trx, id);
        // Both the audience it had and the one it gets: an API Owner may not turn a staff profile into anything.
        requireMayManageSsoProfile(actor, audienceOf(previous.action_type));
        requireMayManageSsoProfile(actor, audienceOf(input.ActionType));
        const patch = { ...(await columns(trx, input, previous)), updated_at: new Date().toISOString(), updated_by: actor.kind === 'user' ? actor.email : 'system' };
        await updateSsoProfile(trx, id, patch);
        await recordAudit(trx, actor, { action: 'sso_profile.update', targetType: 'sso_profile', targetId: id, changes: auditChanges(input) });
        return view({ ...previous, ...patch });
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      requireMayReadSsoProfiles(actor);
      await db.transaction().execute(async (trx) => {
        const previous = await mustFind(trx, id);
        requireMayManageSsoProfile(actor, audienceOf(previous.action_type));
        await deleteSsoProfile(trx, id);
        await recordAudit(trx, actor, { action: 'sso_profile.delete', targetType: 'sso_profile', targetId: id });
      });
    },

    /** Fetches the profile's discovery document now and says in words whether the profile can use it. */
    async test(actor: Actor, id: string): Promise<SsoProfileTestResult> {
      requireMayReadSsoProfiles(actor);
      const row = await mustFind(db, id);
      const problem = discoveryUrlProblem(row.discovery_url);
      if (problem) return { Works: false, Message: `The discovery URL ${problem}.` };
      try {
        const meta = await discoverOnce({ discoveryUrl: row.discovery_url, clientId: row.client_id, clientSecret: undefined });
        const lacks: string[] = [];
        if (!meta.authorization_endpoint) lacks.push('an authorization endpoint');
        if (!meta.token_endpoint) lacks.push('a token endpoint');
        if (!meta.jwks_uri) lacks.push('a JWKS address (its signing keys)');
        if (meta.code_challenge_methods_supported && !meta.code_challenge_methods_supported.includes('S256')) lacks.push('PKCE with S256');
        const base = { Issuer: meta.issuer, ...(meta.authorization_endpoint ? { AuthorizationEndpoint: meta.authorization_endpoint } : {}) };
        if (lacks.length > 0) return { Works: false, Message: `The provider ${meta.issuer} answered, but its discovery document lacks ${lacks.join(', ')}.`, ...base };
        const missingScopes = meta.scopes_supported ? parseScopes(row.scopes).filter((s) => !meta.scopes_supported!.includes(s)) : [];
        const note = missingScopes.length > 0 ? ` Note: it does not list the scope${missingScopes.length > 1 ? 's' : ''} ${missingScopes.join(', ')} among those it supports.` : '';
        const secretNote = row.client_secret_sealed === '' ? ' No client secret is stored: the provider must accept this client without one (a public client, PKCE only).' : '';
        return {
          Works: true,
          Message: `The provider ${meta.issuer} answered with a valid discovery document. Register ${abs(ssoPaths.callback(row.id))} as a redirect URI of client ${row.client_id} there.${note}${secretNote}`,
          ...base,
        };
      } catch (err) {
        return { Works: false, Message: `The discovery document could not be used: ${describeFailure(err)}.` };
      }
    },

    /** The audience of a profile, for the links of an error page (public: the sign-in pages show as much). */
    async audienceOfProfile(id: string): Promise<SsoAudience | undefined> {
      const row = await findSsoProfile(db, id);
      return row ? audienceOf(row.action_type) : undefined;
    },

    /** What the sign-in pages offer (public): each audience's providers and whether passwords are switched off. */
    async signInOptions(): Promise<SsoSignInOptions> {
      const of = async (audience: SsoAudience) => {
        const rows = await listSsoProfilesOfAction(db, actionOf(audience));
        return {
          SSOOnly: rows.some((r) => r.sso_only === 1),
          Providers: rows.map((r) => ({ ID: r.id, ProviderName: r.provider_name, LoginURL: ssoPaths.login(r.id) })),
        };
      };
      return { staff: await of('staff'), consumers: await of('consumers') };
    },
  };
}

/** A failure talking to a provider, in words (no stack, no secret). */
export function describeFailure(err: unknown): string {
  if (!(err instanceof Error)) return 'unknown error';
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
  const code = (err as { code?: unknown }).code;
  if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || code === 'OAUTH_INVALID_RESPONSE') return `${err.message}${cause}`;
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'the provider did not answer in time';
  if (err.message === 'fetch failed') return `the provider could not be reached${cause}`;
  return `${err.message}${cause}`;
}

export type SsoProfilesService = ReturnType<typeof ssoProfilesService>;
