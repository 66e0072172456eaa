import type { AccessRequestDetail, AppAccess } from './access-requests.repository.js';
import type { AccessRequestView } from './access-requests.service.js';
import type { AppWithOwner } from './apps.repository.js';
import type { AccessRequestElem, AccessRequestShow, AdminAppElem, AdminAppShow, AppAccessRequest, AppElem, AppShow, CredentialView } from './apps.schemas.js';
import type { AppView } from './apps.service.js';
import type { CredentialDetail } from './credentials.repository.js';
import { portalDate } from '../portal-date.js';
import { parseKept } from '../../http/tyk-fields.js';

/** What a credential whose key was shown once looks like afterwards. */
export const REDACTED = '********';

export function credentialView(c: CredentialDetail, secret?: string): CredentialView {
  if (c.oauth_client_id !== null) {
    // An OAuth client (DCR): Tyk's shape, no key of ours on show; the secret once.
    return {
      ID: c.id,
      AccessRequestID: c.access_request_id,
      AccessRequest: `AccessRequest#${c.access_request_id}`,
      Credential: '',
      CredentialHash: '',
      Revealed: c.revealed === 1,
      OAuthClientID: c.oauth_client_id,
      OAuthClientSecret: secret ?? (c.revealed === 1 ? REDACTED : ''),
      CreatedAt: portalDate(c.created_at),
    };
  }
  const minted = c.key_hash !== null;
  return {
    ID: c.id,
    AccessRequestID: c.access_request_id,
    AccessRequest: `AccessRequest#${c.access_request_id}`,
    Credential: secret ?? (minted ? REDACTED : ''),
    CredentialHash: c.key_hash ?? '',
    ...(minted && c.key_expires !== null && c.key_expires > 0 ? { Expires: portalDate(new Date(c.key_expires * 1000).toISOString()) } : {}),
    Revealed: c.revealed === 1,
    CreatedAt: portalDate(c.created_at),
  };
}

function requestFields(r: AccessRequestDetail) {
  return {
    ID: r.id,
    Status: r.status,
    // Auto-approval is recorded as decided by nobody at the moment of the request.
    ProvisionImmediately: r.status === 'approved' && r.decided_by === null && r.decided_at === r.created_at,
    AuthType: 'authToken',
    DCREnabled: parseKept(r.product_tyk_fields).DCREnabled === true,
    ClientTypeID: r.client_type_id,
    ClientType: r.client_type_name ?? '',
    Catalogue: r.catalogue_name ?? '',
    Client: r.app_name,
    Plan: r.plan_name,
    User: r.user_email,
    CreatedAt: portalDate(r.created_at),
    UpdatedAt: portalDate(r.updated_at),
    AppID: r.app_id,
    ProductID: r.product_id,
    PlanID: r.plan_id,
    UserID: r.user_id,
    CatalogueID: r.catalogue_id,
    DecisionComment: r.decision_comment,
  };
}

const fullName = (first: string, last: string): string => `${first} ${last}`.trim();

function adminRequestFields(r: AccessRequestDetail) {
  return {
    UserName: fullName(r.user_first_name, r.user_last_name),
    OrganisationID: r.user_organisation_id,
    Organisation: r.user_organisation_name ?? '',
    DecidedAt: r.decided_at === null ? null : portalDate(r.decided_at),
    DecidedBy: r.decided_by_email ?? '',
  };
}

export function appAccessRequest(r: AccessRequestDetail, creds: CredentialDetail[], secrets: Map<number, string> = new Map()): AppAccessRequest {
  return { Products: [r.product_name], Credentials: creds.map((c) => credentialView(c, secrets.get(c.id))), ...requestFields(r) };
}

export function accessRequestElem(r: AccessRequestDetail): AccessRequestElem {
  // Spreads last (see adminAppElem).
  return { Products: r.product_name, ...requestFields(r), ...adminRequestFields(r) };
}

export function accessRequestShow({ request, credentials }: AccessRequestView): AccessRequestShow {
  return { Products: request.product_name, Credentials: credentials.map((c) => credentialView(c)), ...requestFields(request), ...adminRequestFields(request) };
}

export function appElem(a: AppWithOwner): AppElem {
  return {
    ID: a.id,
    Name: a.name,
    Description: a.description,
    RedirectURLs: '',
    UserID: a.user_id,
    Visibility: a.visibility,
    CreatedAt: portalDate(a.created_at),
    UpdatedAt: portalDate(a.updated_at),
  };
}

export function appShow(v: AppView): AppShow {
  return { ...appElem(v.app), AccessRequests: v.requests.map((r) => appAccessRequest(r, v.credentials.get(r.id) ?? [], v.secrets)) };
}

function ownerFields(a: AppWithOwner) {
  return {
    UserEmail: a.owner_email,
    UserName: fullName(a.owner_first_name, a.owner_last_name),
    OrganisationID: a.owner_organisation_id,
    Organisation: a.owner_organisation_name ?? '',
  };
}

/** An app in the Admin Portal's list, with its approved requests (those the reader sees) and their credentials. */
export function adminAppElem(a: AppWithOwner, access: AppAccess[]): AdminAppElem {
  const approved = access.filter((r) => r.app_id === a.id);
  // The spreads last: a literal opening with one is slow on Node 20 (see withKept, src/http/tyk-fields.ts).
  return {
    Access: approved.map((r) => ({ AccessRequestID: r.id, ProductID: r.product_id, Product: r.product_name, PlanID: r.plan_id, Plan: r.plan_name })),
    CredentialCount: approved.reduce((n, r) => n + r.credentials, 0),
    ...appElem(a),
    ...ownerFields(a),
  };
}

export function adminAppShow(v: AppView): AdminAppShow {
  return { ...appShow(v), ...ownerFields(v.app) };
}
