import { Type, type Static } from 'typebox';
import { PortalDate } from '../portal-date.js';
import { Id } from '../../http/ids.js';
import { PortalPage, PortalPerPage } from '../../pagination.js';
import { named } from '../../http/openapi.js';
import { readOnlyProperties } from '../../http/tyk-fields.js';

/*
 * Apps (the swagger's `Client-*`), their access requests and credentials, in the
 * shapes of the Tyk Enterprise Developer Portal where it has them, plus a few ids
 * it lacks (AppID, ProductID, PlanID…) that clients need to follow links.
 */

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 4000 });
export const Visibility = Type.Union([Type.Literal('personal'), Type.Literal('team'), Type.Literal('organisation')], {
  description: 'personal: the owner only; team: whoever shares a team with the owner; organisation: everyone in the owner\'s organisation',
});

export const ConsumerAppCreate = named('ConsumerAppCreate', Type.Object(
  { Name, Description: Type.Optional(Description), Visibility: Type.Optional(Visibility) },
  { additionalProperties: false },
));
export type ConsumerAppCreate = Static<typeof ConsumerAppCreate>;

export const ConsumerAppUpdate = named('ConsumerAppUpdate', Type.Object(
  { Name: Type.Optional(Name), Description: Type.Optional(Description), Visibility: Type.Optional(Visibility) },
  { additionalProperties: false },
));
export type ConsumerAppUpdate = Static<typeof ConsumerAppUpdate>;

export const AdminAppUpdate = named('AdminAppUpdate', Type.Object(
  {
    Name: Type.Optional(Name),
    Description: Type.Optional(Description),
    UserID: Type.Optional(Id({ description: 'Hands the app (its requests and keys) to another consumer' })),
    Visibility: Type.Optional(Visibility),
    // What a GET shows and a client sends back: accepted and ignored, as Tyk ignores them.
    ...readOnlyProperties(['ID', 'RedirectURLs', 'CreatedAt', 'UpdatedAt', 'AccessRequests', 'UserEmail', 'UserName', 'OrganisationID', 'Organisation']),
  },
  { additionalProperties: false },
));
export type AdminAppUpdate = Static<typeof AdminAppUpdate>;

export const AdminAppQuery = Type.Object(
  {
    page: Type.Optional(PortalPage),
    per_page: Type.Optional(PortalPerPage),
    user: Type.Optional(Id({ description: "The owner's user id" })),
    organisation: Type.Optional(Id({ description: "The owner's organisation" })),
    visibility: Type.Optional(Visibility),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the name' })),
  },
  { additionalProperties: false },
);
export type AdminAppQuery = Static<typeof AdminAppQuery>;

export const AppParams = Type.Object({ appId: Type.String() });
export const CredentialParams = Type.Object({ appId: Type.String(), credentialId: Type.String() });
export const RequestCredentialParams = Type.Object({ appId: Type.String(), accessRequestId: Type.String(), credentialId: Type.String() });

export const CredentialView = named('Credential', Type.Object({
  ID: Type.Integer(),
  AccessRequestID: Type.Integer(),
  AccessRequest: Type.String({ description: 'AccessRequest#<id>' }),
  Credential: Type.String({
    description: 'The key itself in the one reply that mints it (reveal, rotation); afterwards "********"; empty while no key was minted',
  }),
  CredentialHash: Type.String({ description: "The key's hash, its id in /api/keys; empty while no key was minted" }),
  Expires: Type.Optional(PortalDate),
  Revealed: Type.Boolean({ description: 'The key (or, for an OAuth client, its secret) was shown once' }),
  OAuthClientID: Type.Optional(Type.String({ description: 'DCR products: the client registered at the OAuth provider (the credential has no key then: Credential is empty)' })),
  OAuthClientSecret: Type.Optional(
    Type.String({ description: 'DCR products: the client secret in the one reply that reveals it; afterwards "********"' }),
  ),
  CreatedAt: PortalDate,
}));
export type CredentialView = Static<typeof CredentialView>;

const requestFields = {
  ID: Type.Integer(),
  Status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]),
  ProvisionImmediately: Type.Boolean({ description: 'Approved at once by the plan' }),
  AuthType: Type.String(),
  DCREnabled: Type.Boolean({ description: "The product registers an OAuth client at an identity provider for an approved request (the product's DCREnabled)" }),
  ClientTypeID: Type.Union([Type.Integer(), Type.Null()], { description: "DCR products: the OAuth client type the consumer chose; null when they chose none (the product's first is used)" }),
  ClientType: Type.String({ description: 'The name of that client type; empty when none was chosen' }),
  Catalogue: Type.String(),
  Client: Type.String({ description: "The app's name" }),
  Plan: Type.String(),
  User: Type.String({ description: "The app owner's email" }),
  CreatedAt: PortalDate,
  UpdatedAt: PortalDate,
  AppID: Type.Integer(),
  ProductID: Type.Integer(),
  PlanID: Type.Integer(),
  UserID: Type.Integer(),
  CatalogueID: Type.Union([Type.Integer(), Type.Null()]),
  DecisionComment: Type.String({ description: "The administrator's comment on the approval or rejection; empty when none" }),
};

/** What only administrators see of a request: the owner's name and organisation, who decided and when. */
const adminRequestFields = {
  UserName: Type.String({ description: "The app owner's first and last name" }),
  OrganisationID: Type.Union([Type.Integer(), Type.Null()]),
  Organisation: Type.String({ description: "The app owner's organisation; empty when none" }),
  DecidedAt: Type.Union([PortalDate, Type.Null()]),
  DecidedBy: Type.String({ description: 'Who approved or rejected it (email); empty when undecided or approved at once by the plan' }),
};

/** An access request inside an app (`Client-AccessRequest-elem`): Products is a list. */
export const AppAccessRequest = named('AppAccessRequest', Type.Object({ ...requestFields, Products: Type.Array(Type.String()), Credentials: Type.Array(CredentialView) }));
export type AppAccessRequest = Static<typeof AppAccessRequest>;

/** An access request in the admin list (`AccessRequest-basic-elem`): Products is a string. */
export const AccessRequestElem = named('AccessRequestSummary', Type.Object({ ...requestFields, ...adminRequestFields, Products: Type.String() }));
export type AccessRequestElem = Static<typeof AccessRequestElem>;

/** One access request (`AccessRequest-index-elem`), with its credentials. */
export const AccessRequestShow = named('AccessRequest', Type.Object({ ...requestFields, ...adminRequestFields, Products: Type.String(), Credentials: Type.Array(CredentialView) }));
export type AccessRequestShow = Static<typeof AccessRequestShow>;

const appFields = {
  ID: Type.Integer(),
  Name: Type.String(),
  Description: Type.String(),
  RedirectURLs: Type.String({ description: 'OAuth2 is not offered: always empty' }),
  UserID: Type.Integer(),
  Visibility,
  CreatedAt: PortalDate,
  UpdatedAt: PortalDate,
};

export const AppElem = named('AppSummary', Type.Object(appFields));
export type AppElem = Static<typeof AppElem>;

export const AppShow = named('App', Type.Object({ ...appFields, AccessRequests: Type.Array(AppAccessRequest) }));
export type AppShow = Static<typeof AppShow>;

/** What administrators see of an app's owner. */
const ownerFields = {
  UserEmail: Type.String({ description: "The owner's email" }),
  UserName: Type.String({ description: "The owner's first and last name" }),
  OrganisationID: Type.Union([Type.Integer(), Type.Null()]),
  Organisation: Type.String({ description: "The owner's organisation; empty when none" }),
};

export const AppAccessSummary = named('AppAccessSummary', Type.Object({
  AccessRequestID: Type.Integer(),
  ProductID: Type.Integer(),
  Product: Type.String(),
  PlanID: Type.Integer(),
  Plan: Type.String(),
}));

/** An app in the Admin Portal's list: its owner, what it may call (approved requests) and how many credentials it holds. */
export const AdminAppElem = named('AdminAppSummary', Type.Object({
  ...appFields,
  ...ownerFields,
  Access: Type.Array(AppAccessSummary, { description: 'The products and plans of its approved access requests (those the reader may see)' }),
  CredentialCount: Type.Integer({ description: 'Credentials of those requests' }),
}));
export type AdminAppElem = Static<typeof AdminAppElem>;

export const AdminAppShow = named('AdminApp', Type.Object({ ...appFields, ...ownerFields, AccessRequests: Type.Array(AppAccessRequest) }));
export type AdminAppShow = Static<typeof AdminAppShow>;

export const AccessRequestQuery = Type.Object(
  {
    page: Type.Optional(PortalPage),
    per_page: Type.Optional(PortalPerPage),
    status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')])),
    pending_first: Type.Optional(Type.Boolean({ description: 'Pending requests first, then the others, newest first in each (default: oldest first)' })),
  },
  { additionalProperties: false },
);
export type AccessRequestQuery = Static<typeof AccessRequestQuery>;

export const AccessRequestParams = Type.Object({ requestId: Type.String() });

export const AccessRequestCreate = named('AccessRequestCreate', Type.Object(
  {
    AppID: Id(),
    ProductID: Id(),
    PlanID: Id(),
    ClientTypeID: Type.Optional(Id({ description: "DCR products: the OAuth client type to register the app's client with, one of the product's `ClientTypes`; default the first" })),
  },
  { additionalProperties: false },
));
export type AccessRequestCreate = Static<typeof AccessRequestCreate>;

export const AccessDecision = named('AccessDecision', Type.Object(
  { Comment: Type.Optional(Type.String({ maxLength: 2000, description: "Shown to the consumer with the decision (their app's page, the email)" })) },
  { additionalProperties: false },
));
export type AccessDecision = Static<typeof AccessDecision>;

export const StatusWithMessage = named('StatusWithMessage', Type.Object({ status: Type.Literal('ok'), message: Type.String() }));

/** A rotation's or a reveal's reply: the status, and the credential with its key (shown this once). */
export const RotatedCredential = named('RotatedCredential', Type.Object({ status: Type.Literal('ok'), message: Type.String(), Credential: CredentialView }));

export const AppUsageQuery = Type.Object(
  {
    from: Type.String({ maxLength: 32, description: 'First day, YYYY-MM-DD (UTC), included' }),
    to: Type.String({ maxLength: 32, description: 'Last day, YYYY-MM-DD (UTC), included' }),
    res: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('hour')], { description: 'One point per day (default; at most 366 days) or per hour (at most 31 days)' })),
  },
  { additionalProperties: false },
);

const UsageFigures = {
  Requests: Type.Integer({ description: 'Calls through the gateway' }),
  Errors: Type.Integer({ description: 'Calls answered with a status of 400 or more' }),
  AverageLatency: Type.Number({ description: 'Mean time to answer, ms (0 without calls)' }),
};

export const AppUsage = named('AppUsage', Type.Object({
  AppID: Type.Integer(),
  From: Type.String({ description: 'YYYY-MM-DD' }),
  To: Type.String({ description: 'YYYY-MM-DD' }),
  Resolution: Type.Union([Type.Literal('day'), Type.Literal('hour')]),
  Totals: Type.Object(UsageFigures),
  Series: Type.Array(Type.Object({ Time: Type.String({ description: 'Start of the hour or day, ISO 8601 (UTC)' }), ...UsageFigures })),
}));
