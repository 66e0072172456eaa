import type { Origin, SystemActor } from '../../access/actor.js';
import { isConsumerRole } from '../../access/actor.js';
import type { SsoAudience } from '../../access/sso-access.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/transactions.js';
import { storedId } from '../../http/ids.js';
import { currentPlacement, defaultPlacement, placeConsumer, placementForTeams, type Placement } from '../../portal/accounts/sso-placement.service.js';
import { mayAct } from '../authentication.service.js';
import { insertSession } from '../sessions.repository.js';
import { hashSecret, newSecret } from '../tokens.js';
import { findUserById, updateUserRow } from '../users.repository.js';
import type { UserRecord, UsersService } from '../users.service.js';
import { authorizationUrl, exchangeCode, relyingParty, type Claims } from './oidc.js';
import { seal, unseal } from '../sealing.js';
import { findSsoIdentity, findSsoIdentityOfUser, insertSsoIdentity, touchSsoIdentity } from './sso-identities.repository.js';
import { findSsoProfile, type SsoProfileRow } from './sso-profiles.repository.js';
import { audienceOf, clientSecretOf, describeFailure, parseMapping, parseScopes, ssoPaths } from './sso-profiles.service.js';

/** The cookie that binds a sign-in to the browser that started it. */
export const SSO_FLOW_COOKIE = 'portcullis_sso_flow';
/** How long a started sign-in may take at the provider. */
export const SSO_FLOW_TTL_SECONDS = 600;

/**
 * A sign-in refused: `message` is for the person at the browser (plain words),
 * `reason` for the audit log, `status` for the error page.
 */
export class SsoRefusal extends Error {
  constructor(
    readonly userMessage: string,
    readonly reason: string,
    readonly status: number,
    readonly subject: { userId?: number; email?: string } = {},
  ) {
    super(reason);
    this.name = 'SsoRefusal';
  }
}

interface FlowState {
  /** profile id */
  p: string;
  /** state, nonce, PKCE code verifier */
  s: string;
  n: string;
  v: string;
  /** when it started, ms */
  t: number;
}

export interface SsoSignedIn {
  user: UserRecord;
  sessionToken: string;
  expiresAt: Date;
  /** The profile's ReturnURL, when it has one. */
  returnUrl: string | undefined;
}

const refusedProfile = () =>
  new SsoRefusal('This sign-in address names no single sign-on profile. Use the button on the sign-in page, or ask an administrator.', 'unknown SSO profile', 404);

function stringClaim(claims: Claims, name: string): string | undefined {
  const v = claims[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The group claim as a list: a list is read as one; a string is split by the separator (or taken whole). */
export function groupValues(claims: Claims, field: string, separator: string): string[] {
  if (field === '') return [];
  const v = claims[field];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x !== '');
  if (typeof v === 'string') return (separator === '' ? [v] : v.split(separator)).map((x) => x.trim()).filter((x) => x !== '');
  return [];
}

/** Names from the claims: given/family names, else the full name split once, else the email's local part. */
function namesOf(claims: Claims, email: string): { first: string; last: string } {
  const given = stringClaim(claims, 'given_name');
  const family = stringClaim(claims, 'family_name');
  if (given || family) return { first: (given ?? '').slice(0, 100), last: (family ?? '').slice(0, 100) };
  const name = stringClaim(claims, 'name');
  if (name) {
    const space = name.indexOf(' ');
    return space === -1 ? { first: name.slice(0, 100), last: '' } : { first: name.slice(0, space).slice(0, 100), last: name.slice(space + 1).slice(0, 100) };
  }
  return { first: email.split('@')[0]!.slice(0, 100), last: '' };
}

const audienceWords = (a: SsoAudience) => (a === 'staff' ? 'staff (the console)' : 'API consumers (the Live Portal)');

export function ssoSignInService({ store, config }: AppContext, deps: { users: UsersService }) {
  const { db } = store;
  const { users } = deps;

  function secretsKey(): string {
    if (config.secretsKey === undefined) {
      throw new SsoRefusal('Single sign-on is not set up on this server yet (it has no secrets key). Ask an administrator.', 'PORTCULLIS_SECRETS_KEY is not set', 503);
    }
    return config.secretsKey;
  }

  async function relyingPartyOf(row: SsoProfileRow) {
    let secret: string | undefined;
    try {
      secret = clientSecretOf(row, config.secretsKey);
    } catch (err) {
      throw new SsoRefusal(`Signing in with ${row.provider_name} is not possible right now: the profile's client secret cannot be read. Ask an administrator.`, describeFailure(err), 503);
    }
    try {
      return await relyingParty(`${row.id}\n${row.updated_at}`, { discoveryUrl: row.discovery_url, clientId: row.client_id, clientSecret: secret });
    } catch (err) {
      throw new SsoRefusal(`${row.provider_name} could not be reached to sign you in. Try again in a moment; if it persists, tell an administrator.`, `discovery failed: ${describeFailure(err)}`, 502);
    }
  }

  /** Staff: the Dashboard user group the claims map to, the default otherwise; undefined when the profile maps nothing. */
  function staffGroup(row: SsoProfileRow, claims: Claims): number | null | undefined {
    if (row.custom_user_group_field === '' && row.default_user_group_id === '') return undefined;
    const mapping = parseMapping(row.user_group_mapping);
    for (const value of groupValues(claims, row.custom_user_group_field, row.user_group_separator)) {
      const target = mapping[value];
      if (target !== undefined) return storedId(target) ?? null;
    }
    return row.default_user_group_id === '' ? null : (storedId(row.default_user_group_id) ?? null);
  }

  /** Consumers: the organisation and teams the claims map to, the default team otherwise; undefined when nothing applies. */
  async function consumerPlacement(ex: Executor, row: SsoProfileRow, claims: Claims): Promise<Placement | undefined> {
    const mapping = parseMapping(row.user_group_mapping);
    const teamIds = groupValues(claims, row.custom_user_group_field, row.user_group_separator)
      .map((v) => mapping[v])
      .filter((t): t is string => t !== undefined)
      .map((t) => storedId(t))
      .filter((t): t is number => t !== undefined);
    const mapped = await placementForTeams(ex, teamIds);
    if (mapped) return mapped;
    const def = storedId(row.default_user_group_id);
    return def === undefined ? undefined : placementForTeams(ex, [def]);
  }

  async function refusalAudit(origin: Origin, row: SsoProfileRow | undefined, profileId: string, refusal: SsoRefusal): Promise<void> {
    // An address that names no profile is not a sign-in attempt: it answers 404 and writes nothing.
    if (!row) return;
    const actor: SystemActor = { kind: 'system', origin };
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, {
        action: 'sso.login.failed',
        targetType: refusal.subject.userId !== undefined ? 'user' : 'sso_profile',
        targetId: refusal.subject.userId ?? profileId,
        actorEmail: refusal.subject.email ?? `sso:${profileId}`,
        actorId: refusal.subject.userId ?? null,
        changes: { profile: profileId, provider: row.provider_name, reason: refusal.reason },
        status: refusal.status,
      }),
    );
  }

  /** Finds, links or creates the account the verified claims sign into; refreshes its names and groups. */
  async function accountFor(trx: Parameters<UsersService['updateAccount']>[0], actor: SystemActor, row: SsoProfileRow, claims: Claims, email: string): Promise<UserRecord> {
    const audience = audienceOf(row.action_type);
    const verified = claims.email_verified === true || claims.email_verified === 'true';
    const at = new Date().toISOString();
    const link = await findSsoIdentity(trx, claims.iss, claims.sub);
    let user: UserRecord | undefined;
    let created = false;
    if (link) {
      user = await findUserById(trx, link.user_id);
      if (!user) throw new SsoRefusal('Your account no longer exists. Ask an administrator.', 'linked account missing', 403, { email });
      await touchSsoIdentity(trx, link.id, { email, last_sign_in_at: at });
    } else {
      const existing = await users.findByEmail(trx, email);
      if (existing) {
        if (!verified) {
          throw new SsoRefusal(
            `An account with the email address ${email} already exists, and ${row.provider_name} does not confirm that this address is verified, so it cannot be linked. Sign in with your password, or ask an administrator.`,
            'email belongs to an existing account and the provider did not assert email_verified',
            403,
            { userId: existing.id, email },
          );
        }
        if (await findSsoIdentityOfUser(trx, claims.iss, existing.id)) {
          throw new SsoRefusal(
            `The account ${email} is already linked to another identity at ${row.provider_name}. Sign in with that identity, or ask an administrator.`,
            'account already linked to another subject of this issuer',
            403,
            { userId: existing.id, email },
          );
        }
        user = existing;
      } else {
        if (row.registered_users_only === 1) {
          throw new SsoRefusal(
            `No account uses the email address ${email}, and this sign-in is for registered users only. Ask an administrator for an account.`,
            'no account for this email and the profile is for registered users only',
            403,
            { email },
          );
        }
        const names = namesOf(claims, email);
        const placement = audience === 'consumers' ? ((await consumerPlacement(trx, row, claims)) ?? (await defaultPlacement(trx))) : undefined;
        const { user: made } = await users.createAccount(
          trx,
          actor,
          {
            email,
            firstName: names.first,
            lastName: names.last,
            role: audience === 'staff' ? 'dashboard-user' : 'consumer-team-member',
            active: true,
            passwordChangeRequired: false,
            organisationId: placement?.organisationId ?? null,
            issueAccessKey: false,
            auditAction: 'user.create.sso',
            auditActorEmail: email,
          },
          null,
        );
        await updateUserRow(trx, made.id, { provider: 'openid-connect' });
        if (placement) await placeConsumer(trx, made.id, placement, at);
        user = made;
        created = true;
      }
      await insertSsoIdentity(trx, { issuer: claims.iss, subject: claims.sub, user_id: user.id, profile_id: row.id, email, created_at: at, last_sign_in_at: at });
      if (!created) {
        await recordAudit(trx, actor, {
          action: 'sso.link',
          targetType: 'user',
          targetId: user.id,
          actorEmail: email,
          actorId: user.id,
          changes: { profile: row.id, issuer: claims.iss, subject: claims.sub },
        });
      }
    }

    const userAudience: SsoAudience = isConsumerRole(user.role) ? 'consumers' : 'staff';
    if (userAudience !== audience) {
      throw new SsoRefusal(
        `This sign-in is for ${audienceWords(audience)}, and your account belongs to ${audienceWords(userAudience)}. Use the other sign-in page.`,
        `account is for ${userAudience}, the profile for ${audience}`,
        403,
        { userId: user.id, email },
      );
    }

    // Later sign-ins refresh the names and the mapped groups (nothing changes when nothing differs).
    const names = namesOf(claims, email);
    const update: { first_name?: string; last_name?: string; group_id?: string } = {};
    if (!created && (stringClaim(claims, 'given_name') || stringClaim(claims, 'family_name') || stringClaim(claims, 'name'))) {
      if (names.first !== user.firstName) update.first_name = names.first;
      if (names.last !== user.lastName) update.last_name = names.last;
    }
    if (audience === 'staff' && !user.isAdmin) {
      // Administrators keep their group: moving one could lock everyone out (a deactivated group).
      const group = staffGroup(row, claims);
      if (group !== undefined && group !== user.groupId) update.group_id = group === null ? '' : String(group);
    }
    if (Object.keys(update).length > 0) user = await users.updateAccount(trx, actor, user.id, update);
    if (audience === 'consumers' && !created) {
      const placement = await consumerPlacement(trx, row, claims);
      const current = await currentPlacement(trx, user.id);
      const same = current && placement && current.organisationId === placement.organisationId && [...placement.teamIds].sort((a, b) => a - b).join() === current.teamIds.join();
      if (placement && !same) {
        await placeConsumer(trx, user.id, placement, at);
        await recordAudit(trx, actor, {
          action: 'user.placement.sso',
          targetType: 'user',
          targetId: user.id,
          actorEmail: email,
          changes: { organisation_id: placement.organisationId, teams: placement.teamIds },
        });
        user = (await findUserById(trx, user.id)) ?? user;
      }
    }
    return user;
  }

  return {
    /** Starts a sign-in: the provider's authorization URL and the sealed cookie that binds the flow to this browser. */
    async start(profileId: string, origin: Origin): Promise<{ location: string; cookie: string }> {
      const row = await findSsoProfile(db, profileId);
      try {
        if (!row) throw refusedProfile();
        const key = secretsKey();
        const rp = await relyingPartyOf(row);
        const flow = await authorizationUrl(rp, `${config.publicUrl}${ssoPaths.callback(row.id)}`, parseScopes(row.scopes));
        const state: FlowState = { p: row.id, s: flow.state, n: flow.nonce, v: flow.codeVerifier, t: Date.now() };
        return { location: flow.url.href, cookie: seal(key, 'sso-flow-cookie', JSON.stringify(state)) };
      } catch (err) {
        if (err instanceof SsoRefusal) await refusalAudit(origin, row, profileId, err);
        throw err;
      }
    },

    /** Completes a sign-in at the callback: every check, then the account and its session. */
    async callback(profileId: string, callbackUrl: URL, cookie: string | undefined, origin: Origin, userAgent: string): Promise<SsoSignedIn> {
      const row = await findSsoProfile(db, profileId);
      const actor: SystemActor = { kind: 'system', origin };
      try {
        if (!row) throw refusedProfile();
        const key = secretsKey();
        const providerError = callbackUrl.searchParams.get('error');
        if (providerError !== null) {
          const description = callbackUrl.searchParams.get('error_description');
          throw new SsoRefusal(
            `${row.provider_name} did not sign you in${description ? `: ${description.slice(0, 300)}` : ` (${providerError.slice(0, 100)})`}.`,
            `provider answered ${providerError.slice(0, 100)}`,
            401,
          );
        }
        const opened = cookie === undefined ? undefined : unseal(key, 'sso-flow-cookie', cookie);
        let flow: FlowState | undefined;
        try {
          flow = opened === undefined ? undefined : (JSON.parse(opened) as FlowState);
        } catch {
          flow = undefined;
        }
        if (!flow || flow.p !== row.id) {
          throw new SsoRefusal(
            'This sign-in could not be completed: it was not started in this browser, or its cookie was changed. Start again from the sign-in page.',
            cookie === undefined ? 'no sign-in cookie' : 'sign-in cookie invalid or for another profile',
            401,
          );
        }
        if (Date.now() - flow.t > SSO_FLOW_TTL_SECONDS * 1000) {
          throw new SsoRefusal('This sign-in took too long (more than 10 minutes). Start again from the sign-in page.', 'sign-in cookie expired', 401);
        }
        const rp = await relyingPartyOf(row);
        const emailField = row.custom_email_field === '' ? 'email' : row.custom_email_field;
        const wanted = [emailField, 'email_verified', ...(row.custom_user_group_field === '' ? [] : [row.custom_user_group_field])];
        let claims: Claims;
        try {
          claims = await exchangeCode(rp, callbackUrl, { state: flow.s, nonce: flow.n, codeVerifier: flow.v }, wanted);
        } catch (err) {
          throw new SsoRefusal(
            `${row.provider_name}'s answer could not be verified, so you are not signed in. Start again from the sign-in page; if it persists, tell an administrator.`,
            `response refused: ${describeFailure(err)}`,
            401,
          );
        }
        const email = stringClaim(claims, emailField);
        if (!email || !email.includes('@') || email.length > 254) {
          throw new SsoRefusal(
            `${row.provider_name} did not share your email address, which this sign-in needs. Ask an administrator to check the profile's scopes and email claim.`,
            `no email address in claim ${emailField}`,
            403,
          );
        }

        const token = newSecret();
        const at = new Date().toISOString();
        const expiresAt = new Date(Date.now() + config.sessionTtlMinutes * 60_000);
        let user: UserRecord;
        try {
          user = await db.transaction().execute(async (trx) => {
            const u = await accountFor(trx, actor, row, claims, email);
            if (!mayAct(u)) {
              throw new SsoRefusal('Your account is not active; an administrator must activate it.', 'account not active', 403, { userId: u.id, email });
            }
            await insertSession(trx, {
              token_hash: hashSecret(token),
              user_id: u.id,
              created_at: at,
              expires_at: expiresAt.toISOString(),
              last_used_at: at,
              ip: origin.ip,
              user_agent: userAgent.slice(0, 512),
            });
            await updateUserRow(trx, u.id, { last_login_at: at });
            await recordAudit(trx, actor, {
              action: 'sso.login',
              targetType: 'user',
              targetId: u.id,
              actorEmail: u.email,
              actorId: u.id,
              changes: { profile: row.id, provider: row.provider_name, issuer: claims.iss, subject: claims.sub },
            });
            return { ...u, lastLoginAt: at };
          });
        } catch (err) {
          if (isUniqueViolation(err)) {
            throw new SsoRefusal('Another sign-in for this account was completing at the same moment. Start again from the sign-in page.', 'concurrent first sign-in', 409, { email });
          }
          throw err;
        }
        return { user, sessionToken: token, expiresAt, returnUrl: row.return_url === '' ? undefined : row.return_url };
      } catch (err) {
        if (err instanceof SsoRefusal) await refusalAudit(origin, row ?? undefined, profileId, err);
        throw err;
      }
    },
  };
}

export type SsoSignInService = ReturnType<typeof ssoSignInService>;
