import { Type } from 'typebox';
import { named } from '../http/openapi.js';

export const AdminOrganisation = named('AdminOrganisation', Type.Object({
  id: Type.String(),
  owner_name: Type.String(),
  owner_slug: Type.String(),
  cname_enabled: Type.Boolean(),
  cname: Type.String(),
  apis: Type.Array(Type.Object({ api_human_name: Type.String(), api_id: Type.String() })),
  developer_quota: Type.Integer(),
  developer_count: Type.Integer(),
  event_options: Type.Record(Type.String(), Type.Unknown()),
  hybrid_enabled: Type.Boolean(),
  org_options_meta: Type.Record(Type.String(), Type.Unknown()),
  /** Tyk's Dashboard UI settings for the organisation; Portcullis has none to set. */
  ui: Type.Record(Type.String(), Type.Unknown()),
}));

export const AdminOrganisationList = named('AdminOrganisationList', Type.Object({ organisations: Type.Array(AdminOrganisation), pages: Type.Integer() }));

export const OrgIdParams = Type.Object({ orgId: Type.String({ maxLength: 64 }) });
