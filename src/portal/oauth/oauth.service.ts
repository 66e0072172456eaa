import type { EmailOutbox } from '../../notify/outbox.js';
import { poller, type Logger } from '../../notify/poller.js';
import { findAccessRequest } from '../apps/access-requests.repository.js';
import { rejectPending } from '../apps/access-requests.service.js';
import { unrestricted, type Access } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import { requireAdmin, requireHolds, requireSection } from '../../access/policy.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { Conflict, Invalid, NotFound, UpstreamFailed } from '../../errors.js';
import { sealer, type Sealer } from '../../identity/sealing.js';
import type { CatalogueService } from '../catalogue/catalogues.service.js';
import { parseKept } from '../../http/tyk-fields.js';
import { deleteClient, ProviderError, registerClient, registrationEndpoint, registrationTypes, type RegisteredClient } from './dcr.js';
import {
  attachClientType,
  clientTypesOf,
  clientTypesOfProduct,
  deleteClientType,
  deleteProvider,
  detachClientType,
  findClientType,
  findProvider,
  insertClientType,
  insertProvider,
  listProviders,
  pendingRequestsStrandedBy,
  pendingRequestsStrandedByDetach,
  productsUsing,
  updateClientType,
  updateProvider,
  type ClientTypeRow,
  type ProviderRow,
} from './oauth.repository.js';
import { GRANT_TYPES, RESPONSE_TYPES, type OAuthClientTypeCreate, type OAuthClientTypeUpdate, type OAuthProviderCreate, type OAuthProviderUpdate } from './oauth.schemas.js';

const now = (): string => new Date().toISOString();
/** Retries of a deletion the provider did not accept: doubling from 30 s, at most hourly. */
const RETRY_BASE_MS = 30_000;
const RETRY_MAX_MS = 3_600_000;

/** A client registered for an access request being approved, before the approval is committed. */
export interface PendingClient {
  registered: RegisteredClient;
  clientTypeId: number;
  providerId: number;
}

function checkUrl(url: string, field: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Invalid(field, `must be an absolute http or https URL, got ${JSON.stringify(url)}`);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '') throw new Invalid(field, `must be an absolute http or https URL, got ${JSON.stringify(url)}`);
  return u.href;
}

function checkCsv(raw: string, allowed: readonly string[], field: string): string {
  const items = [...new Set(raw.split(',').map((x) => x.trim()).filter((x) => x !== ''))];
  if (items.length === 0) throw new Invalid(field, 'must name at least one value');
  const bad = items.find((x) => !allowed.includes(x));
  if (bad !== undefined) throw new Invalid(field, `${JSON.stringify(bad)} is not one of ${allowed.join(', ')}`);
  return items.map((x) => (x === 'it_token' ? 'id_token' : x)).join(',');
}

function checkSkipVerify(v: boolean | undefined): void {
  // Node verifies certificates; a provider with a private CA is trusted through NODE_EXTRA_CA_CERTS instead.
  if (v === true) throw new Invalid('SSLInsecureSkipVerify', 'is not supported: certificates are always verified (trust a private CA with NODE_EXTRA_CA_CERTS)');
}

/**
 * OAuth 2.0 providers (dynamic client registration), their client types and the
 * client types products offer; the registration of a client when an access
 * request for a DCR product is approved, and its deletion at the provider when
 * its credential goes (queued by the store, worked off here, retried).
 */
export function oauthService({ store, config }: AppContext, deps: { access: Access; catalogue: CatalogueService; email: EmailOutbox }) {
  const { db } = store;
  const { access } = deps;
  const box: Sealer | undefined = config.secretsKey ? sealer(config.secretsKey) : undefined;

  function requireBox(): Sealer {
    if (!box) throw new Conflict('OAuth providers need the secrets_key setting (PORTCULLIS_SECRETS_KEY): their tokens and client secrets are stored encrypted with it');
    return box;
  }

  async function mustFindProvider(ex: Executor, id: number): Promise<ProviderRow> {
    const p = await findProvider(ex, id);
    if (!p) throw new NotFound('OAuth provider');
    return p;
  }

  async function mustFindClientType(ex: Executor, providerId: number, id: number): Promise<ClientTypeRow> {
    await mustFindProvider(ex, providerId);
    const ct = await findClientType(ex, id);
    if (!ct || ct.provider_id !== providerId) throw new NotFound('Client type');
    return ct;
  }

  /** Products are reached as the catalogue shows them: one the actor cannot see is missing. */
  async function visibleProduct(actor: Actor, productId: number): Promise<void> {
    await deps.catalogue.products.get(actor, productId);
  }

  /** The names of the product's APIs that do not authenticate with JWTs (enable_jwt). */
  async function nonJwtApisOf(ex: Executor, productId: number): Promise<string[]> {
    const rows = await ex
      .selectFrom('product_apis as pa')
      .innerJoin('apis as a', 'a.id', 'pa.api_id')
      .select(['a.name', 'a.definition'])
      .where('pa.product_id', '=', productId)
      .orderBy('pa.position')
      .execute();
    return rows.filter((r) => (JSON.parse(r.definition) as { enable_jwt?: unknown }).enable_jwt !== true).map((r) => r.name);
  }

  async function isDcrProduct(ex: Executor, productId: number): Promise<boolean> {
    const row = await ex.selectFrom('products').select('tyk_fields').where('id', '=', productId).executeTakeFirst();
    return row !== undefined && parseKept(row.tyk_fields).DCREnabled === true;
  }

  /** Queues a client for deletion at its provider (a registration whose approval did not commit). */
  async function queueDeletion(ex: Executor, clientId: string, uri: string | null, token: string | null): Promise<void> {
    const at = now();
    await ex
      .insertInto('oauth_client_deletions')
      .values({ client_id: clientId, registration_client_uri: uri, registration_token_enc: token === null ? null : requireBox().seal('oauth-registration-token', token), attempts: 0, last_error: '', created_at: at, next_attempt_at: at })
      .execute();
  }

  async function deleteDue(): Promise<boolean> {
    const due = await db.selectFrom('oauth_client_deletions').selectAll().where('next_attempt_at', '<=', now()).orderBy('id').limit(20).execute();
    for (const row of due) {
      if (!loop.active) return false;
      if (row.registration_client_uri === null || row.registration_token_enc === null || !box) {
        // Nothing to delete it with: the provider gave no management URI (or the key to open its token is gone).
        loop.log?.warn({ client_id: row.client_id }, 'oauth: a client cannot be deleted at its provider (no registration_client_uri or secrets_key); delete it there by hand');
        await db.deleteFrom('oauth_client_deletions').where('id', '=', row.id).execute();
        continue;
      }
      try {
        await deleteClient(row.registration_client_uri, box.open('oauth-registration-token', row.registration_token_enc));
        await db.deleteFrom('oauth_client_deletions').where('id', '=', row.id).execute();
      } catch (err) {
        const attempts = row.attempts + 1;
        const wait = Math.min(RETRY_BASE_MS * 2 ** (attempts - 1), RETRY_MAX_MS);
        const message = err instanceof Error ? err.message : String(err);
        loop.log?.warn({ client_id: row.client_id, attempts, err: message }, 'oauth: the provider did not delete a client; retrying later');
        await db
          .updateTable('oauth_client_deletions')
          .set({ attempts, last_error: message.slice(0, 500), next_attempt_at: new Date(Date.now() + wait).toISOString() })
          .where('id', '=', row.id)
          .execute();
      }
    }
    return due.length === 20;
  }

  const loop = poller({
    intervalMs: config.outboxPollMs,
    failure: 'oauth: client deletion round failed',
    round: async () => {
      while (loop.active && (await deleteDue()));
    },
  });

  /**
   * Rejects, with `comment` (an audit entry and an email each), those of these
   * pending access requests whose product has DCREnabled: they can no longer be
   * approved. Returns which, and whether mail was written (kick the outbox
   * after the commit).
   */
  async function rejectUnapprovable(trx: Executor, actor: Actor, ids: number[], comment: string): Promise<{ rejected: number[]; mailed: boolean }> {
    let mailed = false;
    const rejected: number[] = [];
    for (const id of ids) {
      const r = await findAccessRequest(trx, id, unrestricted('client types change for products the caller holds or administers; their pending requests follow'));
      // Only a DCR product's request needs a client type to be approved.
      if (!r || !(await isDcrProduct(trx, r.product_id))) continue;
      const sent = await rejectPending(trx, actor, r, comment, deps.email);
      if (sent === undefined) continue;
      rejected.push(id);
      mailed = sent || mailed;
    }
    return { rejected, mailed };
  }

  /** Inside the deletion of client types (or of their provider), before the rows go: the pending requests they strand. */
  async function rejectStranded(trx: Executor, actor: Actor, deleted: number[], what: string): Promise<{ rejected: number[]; mailed: boolean }> {
    const comment = `${what} was deleted: this request needed it for its OAuth client and can no longer be approved. Request access again to use another client type.`;
    return rejectUnapprovable(trx, actor, await pendingRequestsStrandedBy(trx, deleted), comment);
  }

  const providers = {
    async list(actor: Actor): Promise<ProviderRow[]> {
      requireSection(actor, 'portal', 'read');
      return listProviders(db);
    },

    async get(actor: Actor, id: number): Promise<{ provider: ProviderRow; clientTypes: ClientTypeRow[] }> {
      requireSection(actor, 'portal', 'read');
      const provider = await mustFindProvider(db, id);
      return { provider, clientTypes: await clientTypesOf(db, id) };
    },

    /** Administrators only: a provider holds a token that creates clients. */
    async create(actor: Actor, input: OAuthProviderCreate): Promise<{ provider: ProviderRow; clientTypes: ClientTypeRow[] }> {
      requireSection(actor, 'portal', 'write');
      requireAdmin(actor, 'configure OAuth providers');
      checkSkipVerify(input.SSLInsecureSkipVerify);
      const url = checkUrl(input.WellKnownURL, 'WellKnownURL');
      const token = input.RegistrationAccessToken ?? '';
      const sealed = token === '' ? '' : requireBox().seal('oauth-initial-access-token', token);
      return db.transaction().execute(async (trx) => {
        const at = now();
        const id = await insertProvider(trx, { name: input.Name, type: input.Type, well_known_url: url, ssl_insecure_skip_verify: 0, initial_access_token_enc: sealed, created_at: at, updated_at: at });
        await recordAudit(trx, actor, {
          action: 'oauth_provider.create',
          targetType: 'oauth_provider',
          targetId: id,
          changes: { name: input.Name, type: input.Type, well_known_url: url, registration_access_token: token === '' ? 'none' : 'set' },
        });
        return { provider: (await findProvider(trx, id))!, clientTypes: [] };
      });
    },

    async update(actor: Actor, id: number, input: OAuthProviderUpdate): Promise<{ provider: ProviderRow; clientTypes: ClientTypeRow[] }> {
      requireSection(actor, 'portal', 'write');
      requireAdmin(actor, 'configure OAuth providers');
      checkSkipVerify(input.SSLInsecureSkipVerify);
      const url = input.WellKnownURL === undefined ? undefined : checkUrl(input.WellKnownURL, 'WellKnownURL');
      const token = input.RegistrationAccessToken;
      const sealed = token === undefined ? undefined : token === '' ? '' : requireBox().seal('oauth-initial-access-token', token);
      return db.transaction().execute(async (trx) => {
        const row = await mustFindProvider(trx, id);
        await updateProvider(trx, id, {
          name: input.Name ?? row.name,
          type: input.Type ?? row.type,
          well_known_url: url ?? row.well_known_url,
          ...(sealed === undefined ? {} : { initial_access_token_enc: sealed }),
          updated_at: now(),
        });
        const changes: Record<string, unknown> = {};
        if (input.Name !== undefined) changes.name = input.Name;
        if (input.Type !== undefined) changes.type = input.Type;
        if (url !== undefined) changes.well_known_url = url;
        if (token !== undefined) changes.registration_access_token = token === '' ? 'removed' : 'replaced';
        await recordAudit(trx, actor, { action: 'oauth_provider.update', targetType: 'oauth_provider', targetId: id, changes });
        return { provider: (await findProvider(trx, id))!, clientTypes: await clientTypesOf(trx, id) };
      });
    },

    /** 400 while products use its client types, unless `force` (then they are detached). Clients already registered stay valid. */
    async remove(actor: Actor, id: number, force: boolean): Promise<void> {
      requireSection(actor, 'portal', 'write');
      requireAdmin(actor, 'configure OAuth providers');
      const { mailed } = await db.transaction().execute(async (trx) => {
        const row = await mustFindProvider(trx, id);
        const used = await productsUsing(trx, { providerId: id });
        if (used > 0 && !force) throw new Invalid('force', `the provider's client types are used by ${used} product(s): detach them first, or delete with ?force=true`);
        const stranded = await rejectStranded(trx, actor, (await clientTypesOf(trx, id)).map((c) => c.id), `The OAuth provider "${row.name}"`);
        await deleteProvider(trx, id);
        await recordAudit(trx, actor, {
          action: 'oauth_provider.delete',
          targetType: 'oauth_provider',
          targetId: id,
          changes: { name: row.name, products_detached: used, ...(stranded.rejected.length > 0 ? { access_requests_rejected: stranded.rejected } : {}) },
        });
        return stranded;
      });
      if (mailed) deps.email.kick();
    },
  };

  const clientTypes = {
    async list(actor: Actor, providerId: number): Promise<ClientTypeRow[]> {
      requireSection(actor, 'portal', 'read');
      await mustFindProvider(db, providerId);
      return clientTypesOf(db, providerId);
    },

    async get(actor: Actor, providerId: number, id: number): Promise<ClientTypeRow> {
      requireSection(actor, 'portal', 'read');
      return mustFindClientType(db, providerId, id);
    },

    async create(actor: Actor, providerId: number, input: OAuthClientTypeCreate): Promise<ClientTypeRow> {
      requireSection(actor, 'portal', 'write');
      requireAdmin(actor, 'configure OAuth providers');
      const grants = checkCsv(input.GrantType, GRANT_TYPES, 'GrantType');
      const responses = checkCsv(input.ResponseTypes, RESPONSE_TYPES, 'ResponseTypes');
      return db.transaction().execute(async (trx) => {
        await mustFindProvider(trx, providerId);
        const at = now();
        const id = await insertClientType(trx, {
          provider_id: providerId,
          name: input.Name,
          description: input.Description ?? '',
          response_types: responses,
          grant_types: grants,
          token_endpoint_auth_method: input.TokenEndpointAuthMethod ?? 'client_secret_basic',
          okta_app_type: input.OktaAppType ?? '',
          created_at: at,
          updated_at: at,
        });
        await recordAudit(trx, actor, { action: 'oauth_client_type.create', targetType: 'oauth_client_type', targetId: id, changes: { provider_id: providerId, name: input.Name, grant_types: grants, response_types: responses } });
        return (await findClientType(trx, id))!;
      });
    },

    async update(actor: Actor, providerId: number, id: number, input: OAuthClientTypeUpdate): Promise<ClientTypeRow> {
      requireSection(actor, 'portal', 'write');
      requireAdmin(actor, 'configure OAuth providers');
      const grants = input.GrantType === undefined ? undefined : checkCsv(input.GrantType, GRANT_TYPES, 'GrantType');
      const responses = input.ResponseTypes === undefined ? undefined : checkCsv(input.ResponseTypes, RESPONSE_TYPES, 'ResponseTypes');
      return db.transaction().execute(async (trx) => {
        const row = await mustFindClientType(trx, providerId, id);
        const set = {
          name: input.Name ?? row.name,
          description: input.Description ?? row.description,
          grant_types: grants ?? row.grant_types,
          response_types: responses ?? row.response_types,
          token_endpoint_auth_method: input.TokenEndpointAuthMethod ?? row.token_endpoint_auth_method,
          okta_app_type: input.OktaAppType ?? row.okta_app_type,
        };
        await updateClientType(trx, id, { ...set, updated_at: now() });
        await recordAudit(trx, actor, { action: 'oauth_client_type.update', targetType: 'oauth_client_type', targetId: id, changes: { ...input } });
        return (await findClientType(trx, id))!;
      });
    },

    async remove(actor: Actor, providerId: number, id: number, force: boolean): Promise<void> {
      requireSection(actor, 'portal', 'write');
      requireAdmin(actor, 'configure OAuth providers');
      const { mailed } = await db.transaction().execute(async (trx) => {
        const row = await mustFindClientType(trx, providerId, id);
        const used = await productsUsing(trx, { clientTypeId: id });
        if (used > 0 && !force) throw new Invalid('force', `the client type is used by ${used} product(s): detach it first, or delete with ?force=true`);
        const stranded = await rejectStranded(trx, actor, [id], `The client type "${row.name}"`);
        await deleteClientType(trx, id);
        await recordAudit(trx, actor, {
          action: 'oauth_client_type.delete',
          targetType: 'oauth_client_type',
          targetId: id,
          changes: { provider_id: providerId, name: row.name, products_detached: used, ...(stranded.rejected.length > 0 ? { access_requests_rejected: stranded.rejected } : {}) },
        });
        return stranded;
      });
      if (mailed) deps.email.kick();
    },
  };

  const productClientTypes = {
    async list(actor: Actor, productId: number): Promise<ClientTypeRow[]> {
      await visibleProduct(actor, productId);
      return clientTypesOfProduct(db, productId);
    },

    async get(actor: Actor, productId: number, clientTypeId: number): Promise<ClientTypeRow> {
      await visibleProduct(actor, productId);
      const ct = (await clientTypesOfProduct(db, productId)).find((c) => c.id === clientTypeId);
      if (!ct) throw new NotFound('Client type');
      return ct;
    },

    /** Only who holds every API of the product may change how its credentials are issued. */
    async attach(actor: Actor, productId: number, clientTypeId: number): Promise<ClientTypeRow> {
      requireSection(actor, 'portal', 'write');
      await visibleProduct(actor, productId);
      return db.transaction().execute(async (trx) => {
        requireHolds(actor, await access.holds(trx, access.scope(actor), 'product', productId), 'product');
        const ct = await findClientType(trx, clientTypeId);
        if (!ct) throw new Invalid('ID', 'no such client type');
        if (await attachClientType(trx, productId, clientTypeId)) {
          await recordAudit(trx, actor, { action: 'product.client_type.attach', targetType: 'product', targetId: productId, changes: { client_type_id: clientTypeId, name: ct.name } });
        }
        return ct;
      });
    },

    /** The product's pending requests left without a client type (the detached one chosen, or no other left) are rejected with it. */
    async detach(actor: Actor, productId: number, clientTypeId: number): Promise<void> {
      requireSection(actor, 'portal', 'write');
      await visibleProduct(actor, productId);
      const { mailed } = await db.transaction().execute(async (trx) => {
        requireHolds(actor, await access.holds(trx, access.scope(actor), 'product', productId), 'product');
        const ct = await findClientType(trx, clientTypeId);
        if (!ct || !(await detachClientType(trx, productId, clientTypeId))) throw new NotFound('Client type');
        const stranded = await rejectUnapprovable(
          trx,
          actor,
          await pendingRequestsStrandedByDetach(trx, productId, clientTypeId),
          `The client type "${ct.name}" was withdrawn from this product: this request needed it for its OAuth client and can no longer be approved. Request access again to use another client type.`,
        );
        await recordAudit(trx, actor, {
          action: 'product.client_type.detach',
          targetType: 'product',
          targetId: productId,
          changes: { client_type_id: clientTypeId, ...(stranded.rejected.length > 0 ? { access_requests_rejected: stranded.rejected } : {}) },
        });
        return stranded;
      });
      if (mailed) deps.email.kick();
    },
  };

  return {
    providers,
    clientTypes,
    productClientTypes,

    /**
     * For an access request about to be approved: when its product has
     * DCREnabled, registers a client at the provider of the client type the
     * consumer chose, else of the product's first client type (a network call,
     * made before the approving transaction) and returns it; undefined for
     * other products. A failure is a 502 and nothing is written.
     */
    async registerFor(productId: number, clientName: string, chosen: number | null = null): Promise<PendingClient | undefined> {
      if (!(await isDcrProduct(db, productId))) return undefined;
      const types = await clientTypesOfProduct(db, productId);
      const ct = chosen === null ? types[0] : types.find((c) => c.id === chosen);
      if (!ct && chosen !== null) throw new Conflict(`The client type the consumer chose (${chosen}) is no longer offered with the product: reject the request, or attach the client type again`);
      if (!ct) throw new Conflict('The product has DCREnabled but no client type: attach one (/portal-api/products/{id}/client_types) before approving');
      // A registered client reaches an API through the provider's tokens only: a key API of the
      // product would admit nobody with them (the credential's key is never handed out).
      const keyApis = await nonJwtApisOf(db, productId);
      if (keyApis.length > 0) {
        throw new Conflict(
          `The product has DCREnabled, but ${keyApis.map((n) => `"${n}"`).join(', ')} ${keyApis.length === 1 ? 'takes' : 'take'} keys, not the provider's tokens: set enable_jwt on ${keyApis.length === 1 ? 'it' : 'them'} (OAS APIs: a JWT security scheme), or take the API out of the product, before approving`,
        );
      }
      const provider = (await findProvider(db, ct.provider_id))!;
      const b = requireBox();
      try {
        const endpoint = await registrationEndpoint(provider.well_known_url);
        const registered = await registerClient(endpoint, provider.initial_access_token_enc === '' ? '' : b.open('oauth-initial-access-token', provider.initial_access_token_enc), {
          client_name: clientName.slice(0, 200),
          ...registrationTypes(ct.grant_types, ct.response_types),
          token_endpoint_auth_method: ct.token_endpoint_auth_method,
        });
        return { registered, clientTypeId: ct.id, providerId: provider.id };
      } catch (err) {
        if (err instanceof ProviderError) throw new UpstreamFailed(`The OAuth provider "${provider.name}" did not register a client: ${err.message}`);
        throw err;
      }
    },

    /** Whether the client type is attached to the product (a consumer's ClientTypeID must be). */
    async offersClientType(ex: Executor, productId: number, clientTypeId: number): Promise<boolean> {
      return (await clientTypesOfProduct(ex, productId)).some((c) => c.id === clientTypeId);
    },

    /** Binds a registered client to the credential just issued for it (inside the approving transaction). */
    async bindClient(trx: Executor, credentialId: number, pending: PendingClient): Promise<void> {
      const b = requireBox();
      const r = pending.registered;
      await trx
        .updateTable('credentials')
        .set({
          oauth_client_id: r.clientId,
          oauth_client_type_id: pending.clientTypeId,
          dcr_registration_client_uri: r.registrationClientUri,
          dcr_registration_token_enc: r.registrationAccessToken === null ? null : b.seal('oauth-registration-token', r.registrationAccessToken),
          oauth_client_secret_enc: b.seal('oauth-client-secret', r.clientSecret),
          updated_at: now(),
        })
        .where('id', '=', credentialId)
        .execute();
    },

    /** A registration whose approval did not commit: deleted at the provider now, or queued for a retry. */
    async discard(pending: PendingClient): Promise<void> {
      const r = pending.registered;
      await queueDeletion(db, r.clientId, r.registrationClientUri, r.registrationAccessToken);
      loop.kick();
    },

    /** Opens a sealed secret (a client secret being shown once). */
    open(sealed: string): string {
      return requireBox().open('oauth-client-secret', sealed);
    },

    /** Deletes queued clients at their providers now (after a commit that queued some), rather than at the next poll. */
    kick(): void {
      loop.kick();
    },

    /** Resolves when the round in flight (if any) is over: tests and shutdown wait on it. */
    settled(): Promise<void> {
      return loop.settled();
    },

    start(logger: Logger): void {
      loop.start(logger);
    },

    stop(): Promise<void> {
      return loop.stop();
    },
  };
}

export type OauthService = ReturnType<typeof oauthService>;
export type { ClientTypeRow, ProviderRow };
