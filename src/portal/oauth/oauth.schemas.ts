import { Type, type Static } from 'typebox';
import { PortalDate } from '../portal-date.js';

/** Tyk's provider types; `Other` is any provider that implements RFC 7591/7592. */
export const PROVIDER_TYPES = ['Keycloak', 'Gluu', 'Okta', 'Other'] as const;
export const GRANT_TYPES = ['authorization_code', 'pkce', 'client_credentials', 'device_code', 'refresh_token', 'password', 'implicit'] as const;
/** Tyk's description spells `id_token` as `it_token`: both are accepted and stored as `id_token`. */
export const RESPONSE_TYPES = ['code', 'token', 'id_token', 'it_token', 'none'] as const;
export const TOKEN_AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;
export const OKTA_APP_TYPES = ['web', 'native', 'browser', 'service'] as const;

const ProviderFields = {
  Name: Type.String({ minLength: 1, maxLength: 200 }),
  Type: Type.Union(PROVIDER_TYPES.map((t) => Type.Literal(t))),
  WellKnownURL: Type.String({ minLength: 1, maxLength: 2000, description: "The provider's OpenID Connect discovery document (its registration_endpoint is used)" }),
  SSLInsecureSkipVerify: Type.Optional(Type.Boolean({ description: 'Must be false: certificates are always verified' })),
};

export const OAuthProviderCreate = Type.Object(
  {
    ...ProviderFields,
    RegistrationAccessToken: Type.Optional(
      Type.String({ maxLength: 8000, description: 'The initial access token registration requires (RFC 7591 §3): write-only, stored encrypted, never returned' }),
    ),
  },
  { additionalProperties: false },
);
export type OAuthProviderCreate = Static<typeof OAuthProviderCreate>;

export const OAuthProviderUpdate = Type.Object(
  {
    Name: Type.Optional(ProviderFields.Name),
    Type: Type.Optional(ProviderFields.Type),
    WellKnownURL: Type.Optional(ProviderFields.WellKnownURL),
    SSLInsecureSkipVerify: ProviderFields.SSLInsecureSkipVerify,
    RegistrationAccessToken: Type.Optional(Type.String({ maxLength: 8000, description: 'Replaces the stored initial access token; "" removes it' })),
  },
  { additionalProperties: false },
);
export type OAuthProviderUpdate = Static<typeof OAuthProviderUpdate>;

const csv = (values: readonly string[], description: string) => Type.String({ minLength: 1, maxLength: 500, description: `${description}; comma-separated, from: ${values.join(', ')}` });

const ClientTypeFields = {
  Name: Type.String({ minLength: 1, maxLength: 200 }),
  Description: Type.Optional(Type.String({ maxLength: 2000 })),
  ResponseTypes: csv(RESPONSE_TYPES, 'Response types the client may use'),
  GrantType: csv(GRANT_TYPES, 'Grant types the client may use'),
  TokenEndpointAuthMethod: Type.Optional(Type.Union(TOKEN_AUTH_METHODS.map((t) => Type.Literal(t)))),
  OktaAppType: Type.Optional(Type.Union([...OKTA_APP_TYPES.map((t) => Type.Literal(t)), Type.Literal('')])),
};

export const OAuthClientTypeCreate = Type.Object(ClientTypeFields, { additionalProperties: false });
export type OAuthClientTypeCreate = Static<typeof OAuthClientTypeCreate>;
export const OAuthClientTypeUpdate = Type.Partial(Type.Object(ClientTypeFields), { additionalProperties: false });
export type OAuthClientTypeUpdate = Static<typeof OAuthClientTypeUpdate>;

const stamps = { CreatedAt: PortalDate, UpdatedAt: PortalDate };

export const OAuthClientTypeElem = Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  Description: Type.String(),
  ResponseTypes: Type.String(),
  GrantType: Type.String(),
  TokenEndpointAuthMethod: Type.String(),
  OktaAppType: Type.Optional(Type.String({ description: 'Only when set' })),
  ...stamps,
});

export const OAuthProviderElem = Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  Type: Type.String(),
  WellKnownURL: Type.String(),
  SSLInsecureSkipVerify: Type.Boolean(),
  ...stamps,
});

export const OAuthProviderShow = Type.Object({ ...OAuthProviderElem.properties, ClientTypes: Type.Array(OAuthClientTypeElem) });

export const ProductClientTypeListItem = Type.Object({ ID: Type.Integer(), Name: Type.String() });
export const ProductClientTypeResponse = Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  Description: Type.String(),
  GrantType: Type.String(),
  OktaAppType: Type.Optional(Type.String({ description: 'Only when set' })),
  ProviderID: Type.Integer(),
  ...stamps,
});
export const ProductClientTypeAttach = Type.Object({ ID: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }, { additionalProperties: false });

export const ProviderParams = Type.Object({ providerId: Type.String() });
export const ClientTypeParams = Type.Object({ providerId: Type.String(), clientTypeId: Type.String() });
export const ProductParams = Type.Object({ productId: Type.String() });
export const ProductClientTypeParams = Type.Object({ productId: Type.String(), clientTypeId: Type.String() });
export const ForceQuery = Type.Object({ force: Type.Optional(Type.Boolean({ description: 'Also detach from the products that use it' })) });
