import { Type, type Static } from 'typebox';
import { TykPage } from '../pagination.js';
import { named } from '../http/openapi.js';

export const PermissionMap = Type.Record(Type.String(), Type.String(), {
  description: 'Section → read | write | deny; IsAdmin: admin makes a full administrator',
});

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Email = Type.String({ format: 'email', maxLength: 254 });

/** Fields a client may echo back from a GET; accepted and ignored. */
const ReadOnlyUserFields = {
  id: Type.Optional(Type.String()),
  role: Type.Optional(Type.String()),
  access_key: Type.Optional(Type.String()),
  created_at: Type.Optional(Type.String()),
  last_login_date: Type.Optional(Type.String()),
  password_updated: Type.Optional(Type.String()),
  org_id: Type.Optional(Type.String()),
  api_model: Type.Optional(Type.Object({})),
  password_max_days: Type.Optional(Type.Integer()),
};

export const CreateUserBody = named('UserInput', Type.Object(
  {
    first_name: Name,
    last_name: Name,
    email_address: Email,
    password: Type.Optional(Type.String({ maxLength: 1024 })),
    active: Type.Optional(Type.Boolean()),
    user_permissions: Type.Optional(PermissionMap),
    group_id: Type.Optional(Type.String({ maxLength: 20 })),
    password_change_required: Type.Optional(Type.Boolean()),
    ...ReadOnlyUserFields,
  },
  { additionalProperties: false },
));
export type CreateUserBody = Static<typeof CreateUserBody>;

/** The same fields as creation, all optional, without the initial password. */
export const UpdateUserBody = Type.Partial(Type.Omit(CreateUserBody, ['password']), { additionalProperties: false });
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const User = named('User', Type.Object({
  id: Type.String({ description: 'Numeric id, as a string' }),
  first_name: Type.String(),
  last_name: Type.String(),
  email_address: Type.String(),
  active: Type.Boolean(),
  user_permissions: PermissionMap,
  group_id: Type.String({ description: 'The user group id, or "" for none' }),
  role: Type.String({ description: 'super-admin, provider-admin or dashboard-user' }),
  org_id: Type.String({ description: "The Dashboard organisation's id: an installation is one organisation, so it is the same for every user" }),
  access_key: Type.Optional(
    Type.String({
      description:
        'In full only in the reply that issues it (create, key reset, password change); afterwards its owner and administrators see its last four characters',
    }),
  ),
  password_change_required: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
  last_login_date: Type.String({ format: 'date-time', description: 'The last sign-in; 0001-01-01T00:00:00Z (as Tyk sends a time never set) for none yet' }),
  password_updated: Type.String({ format: 'date-time', description: 'When the password was last set; 0001-01-01T00:00:00Z for never' }),
  password_max_days: Type.Integer({ description: "Tyk's password expiry in days; always 0 (passwords do not expire)" }),
  api_model: Type.Object({}, { description: 'Always empty, as Tyk sends it' }),
}));
export type User = Static<typeof User>;

export const UserList = named('UserList', Type.Object({ users: Type.Array(User), pages: Type.Integer() }));

export const PageQuery = Type.Object({ p: Type.Optional(TykPage) });

export const IdParams = Type.Object({ id: Type.String() });

export const SearchBody = named('UserSearch', Type.Object(
  {
    filters: Type.Object({ query: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
    api_model: Type.Optional(Type.Object({})),
  },
  { additionalProperties: false },
));

export const PasswordBody = named('PasswordInput', Type.Object(
  {
    current_password: Type.Optional(Type.String({ maxLength: 1024 })),
    new_password: Type.String({ maxLength: 1024 }),
    user_permissions: Type.Optional({ ...PermissionMap, description: 'Sent by Tyk provisioning scripts: set as by PUT /api/users/{id} (users: write, nobody grants more than they hold)' }),
    api_model: Type.Optional(Type.Object({})),
  },
  { additionalProperties: false },
));

export const KeyMeta = named('AccessKeyMeta', Type.Object({ access_key: Type.String() }));

export const SuccessorQuery = Type.Object({
  successor_user: Type.Optional(Type.String({ description: 'User who takes over the APIs of the deleted owner' })),
  successor_group: Type.Optional(Type.String({ description: 'User group that takes over the APIs of the deleted owner' })),
});
