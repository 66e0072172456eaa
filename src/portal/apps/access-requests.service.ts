import { unrestricted, type Access, type Filter } from '../../access/access.js';
import type { Actor, UserActor } from '../../access/actor.js';
import { requireHolds, requireSection } from '../../access/policy.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.js';
import type { EmailOutbox } from '../../notify/outbox.js';
import { pageCount, pageWindow, portalWindow } from '../../pagination.js';
import {
  decidePending,
  deleteAccessRequestRow,
  findAccessRequest,
  findOpenDuplicate,
  insertAccessRequest,
  listAccessRequests,
  pageAccessRequests,
  type AccessRequestDetail,
  type AccessRequestStatus,
} from './access-requests.repository.js';
import { findApp } from './apps.repository.js';
import type { AccessRequestCreate } from './apps.schemas.js';
import type { CatalogueService } from '../catalogue/catalogues.service.js';
import { credentialsOfRequests, type CredentialDetail } from './credentials.repository.js';
import { issueCredential, mintClientCredentialKey, revokeCredentials } from './credentials.service.js';
import type { OauthService, PendingClient } from '../oauth/oauth.service.js';
import { pages, pageUrl } from '../../links.js';

/** A request with its credentials, as its views show it. */
export interface AccessRequestView {
  request: AccessRequestDetail;
  credentials: CredentialDetail[];
}

const now = (): string => new Date().toISOString();
const commentLine = (comment: string): string => (comment === '' ? '' : `Comment from the API team: ${comment}`);
const nameOf = (r: Pick<AccessRequestDetail, 'user_first_name' | 'user_last_name' | 'user_email'>): string =>
  `${r.user_first_name} ${r.user_last_name}`.trim() || r.user_email;

/**
 * Rejects a pending request inside the caller's transaction: decided, audited,
 * and the consumer's email written to the outbox. Undefined when it was no
 * longer pending; else whether a mail was written (kick the outbox after the commit).
 */
export async function rejectPending(trx: Executor, actor: Actor, r: AccessRequestDetail, comment: string, email: EmailOutbox): Promise<boolean | undefined> {
  if (!(await decidePending(trx, r.id, 'rejected', actor.kind === 'user' ? actor.userId : null, now(), comment))) return undefined;
  await recordAudit(trx, actor, {
    action: 'access_request.reject',
    targetType: 'access_request',
    targetId: r.id,
    changes: { app_id: r.app_id, product_id: r.product_id, plan_id: r.plan_id, ...(comment ? { comment } : {}) },
  });
  return email.enqueue(trx, 'access-request-rejected', r.user_email, {
    name: nameOf(r),
    app: r.app_name,
    product: r.product_display_name || r.product_name,
    plan: r.plan_name,
    comment: commentLine(comment),
  });
}

/**
 * Access requests: a consumer asks for a product on a plan for one of their
 * apps; an administrator (or a staff member with `portal: write` who can see the
 * product) approves or rejects it, unless the plan approves at once. Approval
 * issues a credential whose key is minted at the consumer's first view. Deleting
 * a request revokes its credentials' keys. Each change is one transaction, audited,
 * with its email written to the outbox in the same transaction.
 */
export function accessRequestsService({ store, config }: AppContext, deps: { access: Access; catalogue: CatalogueService; email: EmailOutbox; oauth: OauthService }) {
  const { db } = store;
  const { access } = deps;
  const justWritten = unrestricted('read back the access request this call just wrote');
  const visibleTo = (ex: Executor, actor: Actor): Filter => access.filters.accessRequests(ex, access.scope(actor));
  const appUrl = (appId: number) => pageUrl(config.publicUrl, pages.consumerApp(appId));
  const reviewUrl = (id: number) => pageUrl(config.publicUrl, pages.accessRequestReview(id));

  async function withCredentials(ex: Executor, request: AccessRequestDetail): Promise<AccessRequestView> {
    return { request, credentials: (await credentialsOfRequests(ex, [request.id])).get(request.id) ?? [] };
  }

  async function mustFind(ex: Executor, actor: Actor, id: number): Promise<AccessRequestDetail> {
    const r = await findAccessRequest(ex, id, visibleTo(ex, actor));
    if (!r) throw new NotFound('Access request');
    return r;
  }

  async function mailApproved(ex: Executor, r: AccessRequestDetail, comment = ''): Promise<boolean> {
    return deps.email.enqueue(ex, 'access-request-approved', r.user_email, {
      name: nameOf(r),
      app: r.app_name,
      product: r.product_display_name || r.product_name,
      plan: r.plan_name,
      app_url: appUrl(r.app_id),
      comment: commentLine(comment),
    });
  }

  /** The administrator's comment (optional), shown to the consumer with the decision. */
  async function approvable(ex: Executor, actor: Actor, id: number): Promise<AccessRequestDetail> {
    const r = await mustFind(ex, actor, id);
    if (r.status !== 'pending') throw new Conflict(`The access request is already ${r.status}`);
    if (r.policy_id === null) throw new Conflict('The product is no longer offered with this plan');
    // Approving hands out every API of the product: only who sees them all may.
    requireHolds(actor, await access.holds(ex, access.scope(actor), 'product', r.product_id), 'product');
    return r;
  }

  /**
   * Runs `write` (the approving transaction) with the OAuth client of a DCR
   * product registered first (the provider is called outside any transaction);
   * when the transaction does not commit, the client is deleted at the
   * provider again (or queued for it), so nothing is left half-written.
   */
  async function withClient<T>(productId: number, clientName: string, clientTypeId: number | null, write: (client: PendingClient | undefined) => Promise<T>): Promise<T> {
    const client = await deps.oauth.registerFor(productId, clientName, clientTypeId);
    try {
      return await write(client);
    } catch (err) {
      if (client) await deps.oauth.discard(client);
      throw err;
    }
  }

  async function bindClient(trx: Executor, actor: Actor, client: PendingClient | undefined, credentialId: number, r: Pick<AccessRequestDetail, 'app_id' | 'app_name' | 'user_id'>): Promise<void> {
    if (!client) return;
    await deps.oauth.bindClient(trx, credentialId, client);
    await mintClientCredentialKey(trx, actor, { appId: r.app_id, appName: r.app_name, ownerUserId: r.user_id }, credentialId);
    await recordAudit(trx, actor, { action: 'credential.oauth_client.register', targetType: 'credential', targetId: credentialId, changes: { app_id: r.app_id, oauth_client_id: client.registered.clientId, client_type_id: client.clientTypeId } });
  }

  async function approve(actor: Actor, id: number, comment = ''): Promise<AccessRequestView> {
    requireSection(actor, 'portal', 'write');
    let mailed = false;
    const before = await approvable(db, actor, id);
    const out = await withClient(before.product_id, `${before.app_name} / ${before.product_display_name || before.product_name}`, before.client_type_id, (client) => db.transaction().execute(async (trx) => {
      const r = await approvable(trx, actor, id);
      const at = now();
      if (!(await decidePending(trx, id, 'approved', actor.kind === 'user' ? actor.userId : null, at, comment))) throw new Conflict('The access request was decided meanwhile');
      const credentialId = await issueCredential(trx, actor, id, r.app_id);
      await bindClient(trx, actor, client, credentialId, r);
      await recordAudit(trx, actor, {
        action: 'access_request.approve',
        targetType: 'access_request',
        targetId: id,
        changes: { app_id: r.app_id, product_id: r.product_id, plan_id: r.plan_id, credential_id: credentialId, ...(comment ? { comment } : {}) },
      });
      mailed = await mailApproved(trx, r, comment);
      return withCredentials(trx, (await findAccessRequest(trx, id, justWritten))!);
    }));
    if (mailed) deps.email.kick();
    return out;
  }

  return {
    // --- Live Portal (/portal/api/access-requests) ---

    /**
     * A consumer asks for a product on a plan for an app they may change. The
     * request belongs to the app's owner (it goes with their account); the plan
     * may approve it at once (recorded as approved, decided by nobody).
     */
    async create(consumer: UserActor, input: AccessRequestCreate): Promise<AccessRequestView> {
      let mailed = false;
      // A plan that approves at once registers the DCR product's client before the transaction, as an approval does.
      let dcrProduct = 0;
      const clientTypeId = input.ClientTypeID ?? null;
      const named = await findApp(db, input.AppID, access.filters.changeableApps(db, consumer));
      if (named) {
        try {
          const offered = await deps.catalogue.resolveOffering(db, consumer, input.ProductID, input.PlanID);
          if (offered.autoApprove && (clientTypeId === null || (await deps.oauth.offersClientType(db, offered.productId, clientTypeId)))) dcrProduct = offered.productId;
        } catch {
          // The transaction below refuses the request with the same error.
        }
      }
      const out = await withClient(dcrProduct, `${named?.name ?? ''} / product ${dcrProduct}`, clientTypeId, (client) => db.transaction().execute(async (trx) => {
        const app = await findApp(trx, input.AppID, access.filters.changeableApps(trx, consumer));
        if (!app) {
          if (await findApp(trx, input.AppID, access.filters.consumerApps(trx, consumer))) {
            throw new Forbidden("access denied: only the app's owner or a consumer-admin of its organisation may request access for it");
          }
          throw new Invalid('AppID', 'no such app');
        }
        const offering = await deps.catalogue.resolveOffering(trx, consumer, input.ProductID, input.PlanID);
        // A type of another product, or none at all, answers alike.
        if (clientTypeId !== null && !(await deps.oauth.offersClientType(trx, offering.productId, clientTypeId))) {
          throw new Invalid('ClientTypeID', "is not one of the product's client types (its ClientTypes in the catalogue)");
        }
        const duplicate = await findOpenDuplicate(trx, app.id, offering.productId, offering.planId);
        if (duplicate) throw new Conflict(`AppID: this app already has a request for this product and plan that is ${duplicate.status} (access request ${duplicate.id})`);
        const at = now();
        const status: AccessRequestStatus = offering.autoApprove ? 'approved' : 'pending';
        const id = await insertAccessRequest(
          trx,
          {
            app_id: app.id,
            user_id: app.user_id,
            product_id: offering.productId,
            plan_id: offering.planId,
            catalogue_id: offering.catalogueId,
            status,
            // Auto-approval is decided by nobody, at the moment of the request.
            decided_at: offering.autoApprove ? at : null,
            decided_by: null,
            client_type_id: clientTypeId,
          },
          at,
        );
        await recordAudit(trx, consumer, {
          action: 'access_request.create',
          targetType: 'access_request',
          targetId: id,
          changes: { app_id: app.id, product_id: offering.productId, plan_id: offering.planId, catalogue_id: offering.catalogueId, status, ...(clientTypeId === null ? {} : { client_type_id: clientTypeId }) },
        });
        const r = (await findAccessRequest(trx, id, justWritten))!;
        if (offering.autoApprove) {
          const credentialId = await issueCredential(trx, consumer, id, app.id);
          await bindClient(trx, consumer, client, credentialId, r);
          await recordAudit(trx, consumer, {
            action: 'access_request.approve',
            targetType: 'access_request',
            targetId: id,
            changes: { auto_approved: true, plan_id: offering.planId, credential_id: credentialId },
          });
          mailed = await mailApproved(trx, r);
        } else {
          for (const to of await deps.email.adminRecipients(trx)) {
            mailed =
              (await deps.email.enqueue(trx, 'access-request-submitted', to, {
                name: nameOf(r),
                email: r.user_email,
                app: r.app_name,
                product: r.product_display_name || r.product_name,
                plan: r.plan_name,
                review_url: reviewUrl(id),
              })) || mailed;
          }
        }
        return withCredentials(trx, r);
      }));
      if (mailed) deps.email.kick();
      return out;
    },

    // --- Admin Portal (/portal-api/access_requests) ---

    async list(actor: Actor, q: { status?: AccessRequestStatus; pending_first?: boolean; page?: number; per_page?: number }): Promise<AccessRequestDetail[]> {
      requireSection(actor, 'portal', 'read');
      return listAccessRequests(db, { status: q.status, pendingFirst: q.pending_first }, visibleTo(db, actor), portalWindow(q.page, q.per_page));
    },

    async get(actor: Actor, id: number): Promise<AccessRequestView> {
      requireSection(actor, 'portal', 'read');
      return withCredentials(db, await mustFind(db, actor, id));
    },

    approve,

    async reject(actor: Actor, id: number, comment = ''): Promise<AccessRequestView> {
      requireSection(actor, 'portal', 'write');
      let mailed = false;
      const out = await db.transaction().execute(async (trx) => {
        const r = await mustFind(trx, actor, id);
        if (r.status !== 'pending') throw new Conflict(`The access request is already ${r.status}`);
        const decided = await rejectPending(trx, actor, r, comment, deps.email);
        if (decided === undefined) throw new Conflict('The access request was decided meanwhile');
        mailed = decided;
        return withCredentials(trx, (await findAccessRequest(trx, id, justWritten))!);
      });
      if (mailed) deps.email.kick();
      return out;
    },

    /** Deletes the request; an approved one's credentials are revoked (their keys deleted) with it. */
    async remove(actor: Actor, id: number): Promise<void> {
      requireSection(actor, 'portal', 'write');
      await db.transaction().execute(async (trx) => {
        const r = await mustFind(trx, actor, id);
        const revoked = await revokeCredentials(trx, actor, { requestId: id }, `access request ${id} deleted`);
        await deleteAccessRequestRow(trx, id);
        await recordAudit(trx, actor, {
          action: 'access_request.delete',
          targetType: 'access_request',
          targetId: id,
          changes: { app_id: r.app_id, product_id: r.product_id, plan_id: r.plan_id, status: r.status, credentials_revoked: revoked },
        });
      });
      deps.oauth.kick();
    },

    // --- Dashboard (/api/portal/requests, Tyk paging with `p`) ---

    async dashboardList(actor: Actor, p: number | undefined, approved?: boolean): Promise<{ rows: AccessRequestView[]; pages: number }> {
      requireSection(actor, 'portal', 'read');
      // Tyk's `approved=false` means "pending": rejected requests are listed only without the filter.
      const status: AccessRequestStatus | undefined = approved === undefined ? undefined : approved ? 'approved' : 'pending';
      const visible = visibleTo(db, actor);
      const req = { p, pageSize: config.pageSize };
      const { rows, total } = await pageAccessRequests(db, { status }, visible, pageWindow(req).page);
      const creds = await credentialsOfRequests(db, rows.map((r) => r.id));
      return { rows: rows.map((request) => ({ request, credentials: creds.get(request.id) ?? [] })), pages: pageCount(total, req) };
    },
  };
}

export type AccessRequestsService = ReturnType<typeof accessRequestsService>;
