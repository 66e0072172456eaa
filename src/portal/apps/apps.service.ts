import { unrestricted, type Access, type Filter } from '../../access/access.js';
import { CONSUMER_ROLES, type Actor, type UserActor } from '../../access/actor.js';
import { requireSection } from '../../access/policy.js';
import { keyUsageSeries, seriesRange, type Resolution } from '../../analytics/analytics.service.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.js';
import { transferPortalKeys } from '../../keys/portal-keys.js';
import { portalWindow } from '../../pagination.js';
import { approvedAccessOfApps, deleteAccessRequestRow, listAccessRequests, type AccessRequestDetail, type AppAccess } from './access-requests.repository.js';
import {
  deleteAppRow,
  findApp,
  findConsumer,
  insertApp,
  listApps,
  moveRequestsOfApp,
  updateAppRow,
  type AppColumns,
  type AppFilter,
  type AppWithOwner,
} from './apps.repository.js';
import type { AdminAppQuery, AdminAppUpdate, ConsumerAppCreate, ConsumerAppUpdate } from './apps.schemas.js';
import { credentialsOfRequests, findCredential, keyIdsOfCredentials, type CredentialDetail } from './credentials.repository.js';
import type { OauthService } from '../oauth/oauth.service.js';
import { resetCredential, revealCredentials, revokeCredentials, rotateCredential, type CredentialOwner } from './credentials.service.js';

/** An app as its views show it: its access requests (those the viewer may see) and their credentials, keys redacted. */
export interface AppView {
  app: AppWithOwner;
  requests: AccessRequestDetail[];
  credentials: Map<number, CredentialDetail[]>;
  /** Keys to show in this reply, by credential id (none: views never mint). */
  secrets: Map<number, string>;
}

export interface CredentialReply {
  credential: CredentialDetail;
  secret?: string;
}

const now = (): string => new Date().toISOString();
const NOT_YOURS = "access denied: only the app's owner or a consumer-admin of its organisation may change it";

export const ownerOf = (app: AppWithOwner): CredentialOwner => ({ appId: app.id, appName: app.name, ownerUserId: app.user_id });

/**
 * Consumers' apps (Developer Portal): the admin view (/portal-api/apps, `portal`
 * permission, within API ownership) and the consumer's (/portal/api/apps, by
 * the app's visibility). Deleting an app revokes its credentials' keys in the
 * same transaction.
 */
export function appsService({ store }: AppContext, { access, oauth }: { access: Access; oauth: OauthService }) {
  const { db } = store;
  const justWritten = unrestricted('read back the app this call just wrote');
  // A consumer who reads an app reads all its requests: they are the app's, not tied to API ownership.
  const everyRequestOfTheApp = unrestricted("a consumer's view of an app they read");

  const staffApps = (ex: Executor, actor: Actor): Filter => access.filters.apps(ex, access.scope(actor));
  const staffRequests = (ex: Executor, actor: Actor): Filter => access.filters.accessRequests(ex, access.scope(actor));

  async function view(ex: Executor, app: AppWithOwner, requestsVisible: Filter): Promise<AppView> {
    const requests = await listAccessRequests(ex, { appIds: [app.id] }, requestsVisible);
    return { app, requests, credentials: await credentialsOfRequests(ex, requests.map((r) => r.id)), secrets: new Map() };
  }

  async function mustFindStaff(ex: Executor, actor: Actor, id: number): Promise<AppWithOwner> {
    const app = await findApp(ex, id, staffApps(ex, actor));
    if (!app) throw new NotFound('App');
    return app;
  }

  /** The app if the consumer may change it; 404 when they cannot see it, 403 when they only read it. */
  async function mustFindChangeable(ex: Executor, consumer: UserActor, id: number): Promise<AppWithOwner> {
    const app = await findApp(ex, id, access.filters.changeableApps(ex, consumer));
    if (app) return app;
    if (await findApp(ex, id, access.filters.consumerApps(ex, consumer))) throw new Forbidden(NOT_YOURS);
    throw new NotFound('App');
  }

  async function removeApp(actor: Actor, find: (trx: Executor) => Promise<AppWithOwner>): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const app = await find(trx);
      const revoked = await revokeCredentials(trx, actor, { appId: app.id }, `app ${app.id} deleted`);
      await deleteAppRow(trx, app.id);
      await recordAudit(trx, actor, { action: 'app.delete', targetType: 'app', targetId: app.id, changes: { name: app.name, owner: app.user_id, credentials_revoked: revoked } });
    });
    // Its OAuth clients (DCR credentials) were queued for deletion at their provider with the rows.
    oauth.kick();
  }

  async function rotate(actor: Actor, find: (trx: Executor) => Promise<AppWithOwner>, credentialId: number): Promise<CredentialReply> {
    return db.transaction().execute(async (trx) => {
      const app = await find(trx);
      if (!(await findCredential(trx, app.id, credentialId))) throw new NotFound('Credential');
      const { credential, minted } = await rotateCredential(trx, actor, ownerOf(app), credentialId);
      return { credential, secret: minted.key };
    });
  }

  return {
    // --- Admin Portal (/portal-api/apps) ---

    /** The page of apps, with their requests the reader may see and those requests' credentials. */
    async list(actor: Actor, q: AdminAppQuery): Promise<{ apps: AppWithOwner[]; access: AppAccess[] }> {
      requireSection(actor, 'portal', 'read');
      const filter: AppFilter = { userId: q.user, organisationId: q.organisation, visibility: q.visibility, q: q.q };
      const page = await listApps(db, filter, staffApps(db, actor), portalWindow(q.page, q.per_page));
      return { apps: page, access: await approvedAccessOfApps(db, page.map((a) => a.id), staffRequests(db, actor)) };
    },

    /** Staff never see a key: credentials show redacted, and viewing mints nothing. */
    async get(actor: Actor, id: number): Promise<AppView> {
      requireSection(actor, 'portal', 'read');
      return view(db, await mustFindStaff(db, actor, id), staffRequests(db, actor));
    },

    async update(actor: Actor, id: number, input: AdminAppUpdate): Promise<AppView> {
      requireSection(actor, 'portal', 'write');
      return db.transaction().execute(async (trx) => {
        const app = await mustFindStaff(trx, actor, id);
        const patch: Partial<AppColumns> = {};
        if (input.Name !== undefined) patch.name = input.Name;
        if (input.Description !== undefined) patch.description = input.Description;
        if (input.Visibility !== undefined) patch.visibility = input.Visibility;
        const at = now();
        if (input.UserID !== undefined && input.UserID !== app.user_id) {
          const owner = await findConsumer(trx, input.UserID, CONSUMER_ROLES);
          if (!owner) throw new Invalid('UserID', 'no such API consumer');
          patch.user_id = owner.id;
          // The requests and keys follow the app, so that they live and die with its new owner.
          await moveRequestsOfApp(trx, app.id, owner.id, at);
          await transferPortalKeys(trx, actor, await keyIdsOfCredentials(trx, { appId: app.id }), owner.id);
        }
        await updateAppRow(trx, app.id, patch, at);
        await recordAudit(trx, actor, { action: 'app.update', targetType: 'app', targetId: app.id, changes: { ...patch } });
        return view(trx, (await findApp(trx, app.id, justWritten))!, staffRequests(trx, actor));
      });
    },

    async remove(actor: Actor, id: number): Promise<void> {
      requireSection(actor, 'portal', 'write');
      await removeApp(actor, (trx) => mustFindStaff(trx, actor, id));
    },

    /** The old key stops working now; the app's owner reveals a new one (never the administrator). */
    /** `requestId` (Tyk's path names the access request): a credential of another request of the app is missing. */
    async rotate(actor: Actor, appId: number, credentialId: number, requestId?: number): Promise<CredentialReply> {
      requireSection(actor, 'portal', 'write');
      return db.transaction().execute(async (trx) => {
        const app = await mustFindStaff(trx, actor, appId);
        if (requestId !== undefined && (await findCredential(trx, app.id, credentialId))?.access_request_id !== requestId) throw new NotFound('Credential');
        return { credential: await resetCredential(trx, actor, ownerOf(app), credentialId), secret: undefined };
      });
    },

    // --- Live Portal (/portal/api/apps) ---

    async consumerList(consumer: UserActor, page?: number, perPage?: number): Promise<AppWithOwner[]> {
      return listApps(db, {}, access.filters.consumerApps(db, consumer), portalWindow(page, perPage));
    },

    /** The app with its requests and credentials, keys redacted. A view changes nothing: no key is minted on a GET. */
    async consumerGet(consumer: UserActor, id: number): Promise<AppView> {
      const app = await findApp(db, id, access.filters.consumerApps(db, consumer));
      if (!app) throw new NotFound('App');
      return view(db, app, everyRequestOfTheApp);
    },

    async consumerCreate(consumer: UserActor, input: ConsumerAppCreate): Promise<AppView> {
      return db.transaction().execute(async (trx) => {
        const row: AppColumns = { name: input.Name, description: input.Description ?? '', user_id: consumer.userId, visibility: input.Visibility ?? 'personal' };
        const id = await insertApp(trx, row, now());
        await recordAudit(trx, consumer, { action: 'app.create', targetType: 'app', targetId: id, changes: { name: row.name, visibility: row.visibility } });
        return view(trx, (await findApp(trx, id, justWritten))!, everyRequestOfTheApp);
      });
    },

    async consumerUpdate(consumer: UserActor, id: number, input: ConsumerAppUpdate): Promise<AppView> {
      return db.transaction().execute(async (trx) => {
        const app = await mustFindChangeable(trx, consumer, id);
        const patch: Partial<AppColumns> = {};
        if (input.Name !== undefined) patch.name = input.Name;
        if (input.Description !== undefined) patch.description = input.Description;
        if (input.Visibility !== undefined) patch.visibility = input.Visibility;
        await updateAppRow(trx, app.id, patch, now());
        await recordAudit(trx, consumer, { action: 'app.update', targetType: 'app', targetId: app.id, changes: { ...patch } });
        return view(trx, (await findApp(trx, app.id, justWritten))!, everyRequestOfTheApp);
      });
    },

    async consumerRemove(consumer: UserActor, id: number): Promise<void> {
      await removeApp(consumer, (trx) => mustFindChangeable(trx, consumer, id));
    },

    async consumerRotate(consumer: UserActor, appId: number, credentialId: number): Promise<CredentialReply> {
      return rotate(consumer, (trx) => mustFindChangeable(trx, consumer, appId), credentialId);
    },

    /**
     * Revokes a credential (owner or consumer-admin): its key is deleted and the
     * access request that produced it is removed with it, as in the Admin Portal;
     * to call the product again the consumer asks for access anew.
     */
    async consumerRevoke(consumer: UserActor, appId: number, credentialId: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const app = await mustFindChangeable(trx, consumer, appId);
        const cred = await findCredential(trx, app.id, credentialId);
        if (!cred) throw new NotFound('Credential');
        const requestId = cred.access_request_id;
        const revoked = await revokeCredentials(trx, consumer, { requestId }, `credential ${cred.id} revoked by the app's owner`);
        await deleteAccessRequestRow(trx, requestId);
        await recordAudit(trx, consumer, {
          action: 'credential.revoke',
          targetType: 'credential',
          targetId: cred.id,
          changes: { app_id: app.id, access_request_id: requestId, key: cred.key_hash ?? null, credentials_revoked: revoked },
        });
      });
      oauth.kick();
    },

    /**
     * The app's traffic through the gateway over whole UTC days `from`..`to`
     * (YYYY-MM-DD), by hour or day: the keys of its credentials only. An app
     * the consumer cannot read answers like a missing one.
     */
    async consumerUsage(consumer: UserActor, id: number, q: { from: string; to: string; res: Resolution }) {
      const app = await findApp(db, id, access.filters.consumerApps(db, consumer));
      if (!app) throw new NotFound('App');
      const range = seriesRange(q.from, q.to, q.res);
      return { app, ...(await keyUsageSeries(db, range, q.res, access.filters.consumerAppKeys(db, consumer, app.id))) };
    },

    /** One credential, its key redacted; like the app's view, it mints nothing. */
    async consumerCredential(consumer: UserActor, appId: number, credentialId: number): Promise<CredentialReply> {
      const app = await findApp(db, appId, access.filters.consumerApps(db, consumer));
      if (!app) throw new NotFound('App');
      const cred = await findCredential(db, appId, credentialId);
      if (!cred) throw new NotFound('Credential');
      return { credential: cred };
    },

    /**
     * The one-time reveal, an explicit write (POST) by someone who may change the
     * app: mints the credential's key and returns it, this once. A credential
     * already revealed (also by a concurrent reveal) or whose offering is gone is a 409.
     */
    async consumerReveal(consumer: UserActor, appId: number, credentialId: number): Promise<CredentialReply> {
      return db.transaction().execute(async (trx) => {
        const app = await mustFindChangeable(trx, consumer, appId);
        const cred = await findCredential(trx, app.id, credentialId);
        if (!cred) throw new NotFound('Credential');
        if (cred.policy_id === null) throw new Conflict('The product is no longer offered with this plan: the credential has no key to reveal');
        const minted = (await revealCredentials(trx, consumer, ownerOf(app), [cred], oauth.open)).get(credentialId);
        if (!minted) throw new Conflict('The key of this credential was already shown once; rotate the credential for a new key');
        return { credential: (await findCredential(trx, app.id, credentialId))!, secret: minted.key };
      });
    },
  };
}

export type AppsService = ReturnType<typeof appsService>;
