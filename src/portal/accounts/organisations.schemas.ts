import { Type } from 'typebox';
import { PortalDate } from '../portal-date.js';
import { Id, ID_PATTERN } from '../../http/ids.js';
import { PortalPage, PortalPerPage } from '../../pagination.js';
import { named } from '../../http/openapi.js';
import { readOnlyProperties } from '../../http/tyk-fields.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });

export const NameBody = named('NameInput', Type.Object({ Name }, { additionalProperties: false }));

/** An organisation update may echo what a GET returned: only Name counts (teams and members are managed on their own). */
export const OrganisationUpdateBody = named('OrganisationUpdate', Type.Object(
  { Name, ...readOnlyProperties(['ID', 'Default', 'Teams', 'Users', 'CreatedAt', 'UpdatedAt']) },
  { additionalProperties: false },
));

/** Team updates may echo what a GET returned (Users as ids or strings); membership is managed through users. */
export const TeamUpdateBody = named('TeamUpdate', Type.Object(
  {
    Name,
    Users: Type.Optional(Type.Array(Type.Union([Id(), Type.String({ pattern: ID_PATTERN })]))),
    ...readOnlyProperties(['ID', 'Default', 'CreatedAt', 'UpdatedAt']),
  },
  { additionalProperties: false },
));

export const PortalPageQuery = Type.Object({
  page: Type.Optional(PortalPage),
  per_page: Type.Optional(PortalPerPage),
});

export const OrganisationParams = Type.Object({ organisationId: Type.String() });
export const TeamParams = Type.Object({ organisationId: Type.String(), teamId: Type.String() });


export const TeamElem = named('TeamSummary', Type.Object({ ID: Type.Integer(), Name: Type.String(), Default: Type.Boolean() }));

export const TeamShow = named('Team', Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  Default: Type.Boolean(),
  Users: Type.Array(Type.String()),
  CreatedAt: PortalDate,
  UpdatedAt: PortalDate,
}));

const OrgDefault = Type.Boolean({ description: 'The Default Organisation (it cannot be deleted; users of deleted organisations move to it)' });

export const OrganisationElem = named('OrganisationSummary', Type.Object({ ID: Type.Integer(), Name: Type.String(), Default: OrgDefault }));

export const OrganisationShow = named('Organisation', Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  Default: OrgDefault,
  Teams: Type.Array(TeamElem),
  Users: Type.Array(Type.Object({ ID: Type.Integer() })),
  CreatedAt: PortalDate,
  UpdatedAt: PortalDate,
}));

export const StatusOk = named('StatusOk', Type.Object({ status: Type.Literal('ok') }));
