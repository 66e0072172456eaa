import { Type, type Static } from 'typebox';
import { PortalDate } from '../portal-date.js';
import { Id, ID_MAX, ID_PATTERN } from '../../http/ids.js';
import { PortalPage, PortalPerPage } from '../../pagination.js';
import { named } from '../../http/openapi.js';
import { readOnlyProperties } from '../../http/tyk-fields.js';

export const PORTAL_ROLES = ['super-admin', 'provider-admin', 'dashboard-user', 'consumer-admin', 'consumer-team-member'] as const;
export type PortalRole = (typeof PORTAL_ROLES)[number];

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Email = Type.String({ format: 'email', maxLength: 254 });
const Role = Type.String({ description: PORTAL_ROLES.join(', ') });
/** Team ids; the swagger sends them as strings, so both are accepted. */
const TeamRefs = Type.Array(Type.Union([Id(), Type.String({ pattern: ID_PATTERN })]), { maxItems: 100 });
/** On update also the teams as a GET shows them (objects whose ID counts), so that a GET's answer can be sent back. */
const TeamRefsOrViews = Type.Array(
  Type.Union([Id(), Type.String({ pattern: ID_PATTERN }), Type.Object({ ID: Id() }, { additionalProperties: true })]),
  { maxItems: 100 },
);

export const PortalUserCreate = named('PortalUserCreate', Type.Object(
  {
    First: Name,
    Last: Name,
    Email,
    Role: Type.Optional(Role),
    OrganisationID: Type.Optional(Type.Integer({ minimum: 0, maximum: ID_MAX, description: 'A consumer\'s organisation (default: the Default Organisation); 0 or absent for staff' })),
    Teams: Type.Optional(TeamRefs),
    Active: Type.Optional(Type.Boolean({ description: 'Default false, as in the Admin Portal form' })),
    ResetPassword: Type.Optional(Type.Boolean({ description: 'The user must change their password at the next sign-in' })),
    Password: Type.Optional(Type.String({ maxLength: 1024, description: 'Initial password' })),
    Provider: Type.Optional(Type.Literal('password')),
  },
  { additionalProperties: false },
));
export type PortalUserCreate = Static<typeof PortalUserCreate>;

export const PortalUserUpdate = named('PortalUserUpdate', Type.Object(
  {
    First: Type.Optional(Name),
    Last: Type.Optional(Name),
    Email: Type.Optional(Email),
    Role: Type.Optional(Role),
    OrganisationID: Type.Optional(Type.Integer({ minimum: 0, maximum: ID_MAX })),
    Teams: Type.Optional(TeamRefsOrViews),
    Active: Type.Optional(Type.Boolean()),
    ResetPassword: Type.Optional(Type.Boolean()),
    Provider: Type.Optional(Type.Literal('password')),
    // What a GET shows and a client sends back: accepted and ignored, as Tyk ignores them.
    ...readOnlyProperties(['ID', 'Organisation', 'CreatedAt', 'UpdatedAt', 'LastLoginAt']),
  },
  { additionalProperties: false },
));
export type PortalUserUpdate = Static<typeof PortalUserUpdate>;

export const PortalUserQuery = Type.Object(
  {
    page: Type.Optional(PortalPage),
    per_page: Type.Optional(PortalPerPage),
    role: Type.Optional(Type.Union(PORTAL_ROLES.map((r) => Type.Literal(r)))),
    kind: Type.Optional(Type.Union([Type.Literal('consumer'), Type.Literal('staff')], { description: 'consumer: API consumers only (both consumer roles); staff: administrators and Dashboard users only' })),
    organisation: Type.Optional(Id()),
    team: Type.Optional(Id()),
    active: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Search in names and email' })),
  },
  { additionalProperties: false },
);
export type PortalUserQuery = Static<typeof PortalUserQuery>;

export const PortalUserParams = Type.Object({ userId: Type.String() });

export const TeamOfUser = named('TeamOfUser', Type.Object({ ID: Type.Integer(), Name: Type.String(), Default: Type.Boolean(), CreatedAt: PortalDate, UpdatedAt: PortalDate }));

export const PortalUserElem = named('PortalUserSummary', Type.Object({
  ID: Type.Integer(),
  First: Type.String(),
  Last: Type.String(),
  Email: Type.String(),
  Role: Type.String(),
  OrganisationID: Type.Integer({ description: '0 for staff' }),
  Active: Type.Boolean(),
  Provider: Type.String(),
}));
export type PortalUserElem = Static<typeof PortalUserElem>;

export const PortalUserShow = named('PortalUser', Type.Object({
  ...PortalUserElem.properties,
  Organisation: Type.String({ description: 'Organisation name; empty for staff' }),
  Teams: Type.Array(TeamOfUser),
  ResetPassword: Type.Boolean(),
  CreatedAt: PortalDate,
  UpdatedAt: PortalDate,
  LastLoginAt: Type.Union([PortalDate, Type.Null()]),
}));
export type PortalUserShow = Static<typeof PortalUserShow>;
