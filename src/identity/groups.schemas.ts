import { Type } from 'typebox';
import { PermissionMap } from './users.schemas.js';
import { named } from '../http/openapi.js';

const ReadOnlyGroupFields = {
  id: Type.Optional(Type.String()),
  org_id: Type.Optional(Type.String()),
  password_max_days: Type.Optional(Type.Integer()),
};

export const CreateGroupBody = named('UserGroupInput', Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    active: Type.Optional(Type.Boolean()),
    user_permissions: Type.Optional(PermissionMap),
    ...ReadOnlyGroupFields,
  },
  { additionalProperties: false },
));

export const UpdateGroupBody = Type.Partial(CreateGroupBody, { additionalProperties: false });

export const UserGroup = named('UserGroup', Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  active: Type.Boolean(),
  user_permissions: PermissionMap,
  org_id: Type.String({ description: "The Dashboard organisation's id, the same for every group" }),
  password_max_days: Type.Integer({ description: "Tyk's password expiry in days; always 0 (passwords do not expire)" }),
}));

export const UserGroupList = named('UserGroupList', Type.Object({ groups: Type.Array(UserGroup), pages: Type.Integer() }));
