import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi.js';

/** Tyk's two action types: staff sign into the console, consumers into the Live Portal. */
export const STAFF_ACTION = 'GenerateOrLoginUserProfile';
export const CONSUMER_ACTION = 'GenerateOrLoginDeveloperProfile';

const ActionType = Type.Union([Type.Literal(STAFF_ACTION), Type.Literal(CONSUMER_ACTION)], {
  description: `${STAFF_ACTION}: staff, who land in the console; ${CONSUMER_ACTION}: API consumers, who land in the Live Portal`,
});

export const SsoProfileId = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$',
  description: 'The profile\'s key, chosen when it is created (letters, digits, "-" and "_"); part of its login address',
});

const Scopes = Type.Array(Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$' }), {
  minItems: 1,
  maxItems: 50,
  description: 'Scopes asked of the provider; must include openid (default: openid, email, profile)',
});

const ProviderConfigFields = {
  DiscoveryURL: Type.String({
    minLength: 1,
    maxLength: 2048,
    description: 'The provider\'s issuer, or its discovery document (https://…/.well-known/openid-configuration); https, or http on loopback only',
  }),
  ClientID: Type.String({ minLength: 1, maxLength: 512, description: 'The client id registered at the provider' }),
  Scopes: Type.Optional(Scopes),
};

/** ProviderConfig as written: the client secret is write-only (absent keeps the stored one, "" removes it). */
export const SsoProviderConfigInput = Type.Object(
  {
    ...ProviderConfigFields,
    ClientSecret: Type.Optional(Type.String({ maxLength: 2048, description: 'Write-only: never returned; absent keeps the stored secret, "" removes it (a public client, PKCE only)' })),
    ClientSecretSet: Type.Optional(Type.Boolean({ description: 'Ignored on input (what a read returned)' })),
  },
  { additionalProperties: false },
);

export const SsoProviderConfig = named(
  'SSOProviderConfig',
  Type.Object({
    DiscoveryURL: ProviderConfigFields.DiscoveryURL,
    ClientID: ProviderConfigFields.ClientID,
    Scopes,
    ClientSecretSet: Type.Boolean({ description: 'Whether a client secret is stored (the secret itself is never returned)' }),
  }),
);

const Mapping = Type.Record(Type.String({ minLength: 1, maxLength: 256 }), Type.String({ maxLength: 32 }), {
  description:
    'Group claim value → a Dashboard user group id (staff profiles) or a team id (consumer profiles: the team\'s organisation follows). The first value of the claim that matches wins for staff; consumers join every matching team of the first match\'s organisation',
});

const Common = {
  Name: Type.String({ minLength: 1, maxLength: 200, description: 'The profile\'s name, for administrators' }),
  ActionType,
  ProviderName: Type.String({ minLength: 1, maxLength: 100, description: 'Shown on the sign-in pages: "Sign in with <ProviderName>"' }),
  CustomEmailField: Type.Optional(Type.String({ maxLength: 128, description: 'The claim holding the email address (default email)' })),
  CustomUserGroupField: Type.Optional(Type.String({ maxLength: 128, description: 'The claim holding the groups (e.g. groups); empty: no group mapping' })),
  UserGroupMapping: Type.Optional(Mapping),
  UserGroupSeparator: Type.Optional(Type.String({ maxLength: 8, description: 'Splits a group claim sent as one string (e.g. ","); lists are read as lists' })),
  DefaultUserGroupID: Type.Optional(Type.String({ maxLength: 32, description: 'User group id (staff) or team id (consumers) when no group claim value matches; empty: none (consumers: the Default Organisation\'s default team)' })),
  SSOOnlyForRegisteredUsers: Type.Optional(Type.Boolean({ description: 'Only accounts that already exist may sign in; nobody is created' })),
  SSOOnly: Type.Optional(
    Type.Boolean({
      description: 'Portcullis: password sign-in is refused for this profile\'s audience (staff or consumers) while any of its profiles says so; the sign-in pages offer the provider instead',
    }),
  ),
  ReturnURL: Type.Optional(Type.String({ maxLength: 2048, description: 'Where users land after signing in: a path on this server (default: the console for staff, the dashboard for consumers)' })),
};

/** Tyk's fields this product reads but does not act on (kept out of the way rather than refused). */
const IgnoredTykFields = {
  OrgID: Type.Optional(Type.String({ maxLength: 64 })),
  Type: Type.Optional(Type.String({ maxLength: 64 })),
  SelectedProviderType: Type.Optional(Type.String({ maxLength: 64 })),
  LoginURL: Type.Optional(Type.String({ maxLength: 4096 })),
  RedirectURL: Type.Optional(Type.String({ maxLength: 4096 })),
  UpdatedAt: Type.Optional(Type.String({ maxLength: 64 })),
  UpdatedBy: Type.Optional(Type.String({ maxLength: 320 })),
};

export const SsoProfileCreate = named(
  'SSOProfileCreate',
  Type.Object({ ID: SsoProfileId, ...Common, ProviderConfig: SsoProviderConfigInput, ...IgnoredTykFields }, { additionalProperties: false }),
);
export type SsoProfileCreate = Static<typeof SsoProfileCreate>;

/** A PUT replaces the profile; `ID`, if sent, must be the one in the path. */
export const SsoProfileUpdate = named(
  'SSOProfileUpdate',
  Type.Object({ ID: Type.Optional(SsoProfileId), ...Common, ProviderConfig: SsoProviderConfigInput, ...IgnoredTykFields }, { additionalProperties: false }),
);
export type SsoProfileUpdate = Static<typeof SsoProfileUpdate>;

const Computed = {
  LoginURL: Type.String({ description: 'Read-only: the address that starts a sign-in with this profile' }),
  RedirectURL: Type.String({ description: 'Read-only: the callback to register at the provider' }),
  SelectedProviderType: Type.Literal('openid-connect'),
  Type: Type.Literal('redirect'),
  UpdatedAt: Type.String({ description: 'YYYY-MM-DD HH:MM (UTC)' }),
  UpdatedBy: Type.String(),
};

export const SsoProfileView = named(
  'SSOProfile',
  Type.Object({
    ID: Type.String(),
    Name: Type.String(),
    ActionType,
    ProviderName: Type.String(),
    ProviderConfig: SsoProviderConfig,
    CustomEmailField: Type.String(),
    CustomUserGroupField: Type.String(),
    UserGroupMapping: Type.Record(Type.String(), Type.String()),
    UserGroupSeparator: Type.String(),
    DefaultUserGroupID: Type.String(),
    SSOOnlyForRegisteredUsers: Type.Boolean(),
    SSOOnly: Type.Boolean(),
    ReturnURL: Type.String(),
    ...Computed,
  }),
);
export type SsoProfileView = Static<typeof SsoProfileView>;

export const SsoProfileIndexElem = named(
  'SSOProfileIndexElem',
  Type.Object({ ID: Type.String(), Name: Type.String(), ActionType, ProviderName: Type.String(), SSOOnly: Type.Boolean(), ...Computed }),
);
export type SsoProfileIndexElem = Static<typeof SsoProfileIndexElem>;

export const SsoProfileParams = Type.Object({ profile_id: Type.String({ maxLength: 64 }) });

export const SsoProfileTestResult = named(
  'SSOProfileTestResult',
  Type.Object({
    Works: Type.Boolean({ description: 'Whether the discovery document was fetched and describes an OpenID provider this profile can use' }),
    Message: Type.String({ description: 'What was found, or what went wrong, in plain words' }),
    Issuer: Type.Optional(Type.String()),
    AuthorizationEndpoint: Type.Optional(Type.String()),
  }),
);
export type SsoProfileTestResult = Static<typeof SsoProfileTestResult>;

const SignInOption = Type.Object({ ID: Type.String(), ProviderName: Type.String(), LoginURL: Type.String({ description: 'A path on this server' }) });
const AudienceOptions = Type.Object({
  SSOOnly: Type.Boolean({ description: 'Password sign-in is switched off for this audience' }),
  Providers: Type.Array(SignInOption),
});
export const SsoSignInOptions = named('SSOSignInOptions', Type.Object({ staff: AudienceOptions, consumers: AudienceOptions }));
export type SsoSignInOptions = Static<typeof SsoSignInOptions>;
