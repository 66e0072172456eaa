import { Type, type Static } from 'typebox';
import { PortalDate } from '../portal-date.js';
import { Id } from '../../http/ids.js';
import { named } from '../../http/openapi.js';
import { readOnlyProperties } from '../../http/tyk-fields.js';
import { Invalid } from '../../errors.js';

/*
 * Catalogues in the shapes of the Tyk portal description (Catalogue-create,
 * Catalogue-update, Catalogue-show, Catalogue-index-elem). Where Tyk names
 * products and plans by name in replies but by id in requests, replies carry
 * both: `Products`/`Plans` (names, as Tyk) and `ProductIDs`/`PlanIDs`.
 */

// PostgreSQL text cannot hold NUL; refusing it here keeps it a 400, never a 500.
export const NO_NUL = '^[^\\u0000]*$';

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL, description: 'Unique, whatever the case' });
const Visibility = Type.Union([Type.Literal('Public'), Type.Literal('Private')], {
  description: 'Public: every visitor of the Live Portal; Private: only the audience (OrgCatalogues)',
});
const Ids = (what: string) => Type.Array(Id(), { maxItems: 1000, description: `Ids of ${what}` });

export const AudienceInput = named('AudienceInput', Type.Object(
  {
    OrganisationID: Id({ description: 'An organisation' }),
    TeamID: Type.Optional(Id({ description: 'One team of that organisation; absent: the whole organisation' })),
  },
  { additionalProperties: false },
));
export type AudienceInput = Static<typeof AudienceInput>;

const CatalogueFields = {
  Name,
  VisibilityStatus: Visibility,
  Products: Ids('products listed in the catalogue'),
  Plans: Ids('plans offered in the catalogue'),
  OrgCatalogues: Type.Array(AudienceInput, { maxItems: 1000, description: 'The audience of a private catalogue (kept but ignored while it is public)' }),
  NameWithSlug: Type.String({ maxLength: 200, description: 'Accepted for Tyk compatibility; the slug is derived from Name' }),
};

export const CatalogueCreateBody = named('CatalogueInput', Type.Object(
  {
    Name: CatalogueFields.Name,
    VisibilityStatus: Type.Optional(CatalogueFields.VisibilityStatus),
    Products: Type.Optional(CatalogueFields.Products),
    Plans: Type.Optional(CatalogueFields.Plans),
    OrgCatalogues: Type.Optional(CatalogueFields.OrgCatalogues),
    NameWithSlug: Type.Optional(CatalogueFields.NameWithSlug),
  },
  { additionalProperties: false },
));
export type CatalogueCreate = Static<typeof CatalogueCreateBody>;

/** Every field optional: what is sent replaces, the rest stays. */
export type CatalogueUpdate = Partial<CatalogueCreate>;

/** An audience entry as a GET shows it (names beside the ids; TeamID null for a whole organisation). */
const AudienceInputOrView = Type.Object(
  {
    OrganisationID: AudienceInput.properties.OrganisationID,
    TeamID: Type.Optional(Type.Union([Id(), Type.Null()], { description: 'One team of that organisation; absent or null: the whole organisation' })),
    ...readOnlyProperties(['Catalogue', 'Name', 'Organisation', 'Team']),
  },
  { additionalProperties: false },
);

const IdsOrNames = (what: string) =>
  Type.Array(Type.Union([Id(), Type.String({ maxLength: 200 })]), {
    maxItems: 1000,
    description: `Ids of ${what}. Names (as a GET shows them) only alongside the ids field, which then wins`,
  });

/**
 * The update body also takes what a GET returns, so that a read–modify–write
 * works: ProductIDs / PlanIDs (when sent, they win over the names a GET shows in
 * Products / Plans), audience entries as shown, and the read-only ID and dates.
 */
export const CatalogueUpdateBody = named('CatalogueUpdate', Type.Object(
  {
    Name: Type.Optional(CatalogueFields.Name),
    VisibilityStatus: Type.Optional(CatalogueFields.VisibilityStatus),
    Products: Type.Optional(IdsOrNames('products listed in the catalogue')),
    ProductIDs: Type.Optional(Ids('products listed in the catalogue, as a GET shows them')),
    Plans: Type.Optional(IdsOrNames('plans offered in the catalogue')),
    PlanIDs: Type.Optional(Ids('plans offered in the catalogue, as a GET shows them')),
    OrgCatalogues: Type.Optional(Type.Array(AudienceInputOrView, { maxItems: 1000, description: 'The audience of a private catalogue (kept but ignored while it is public)' })),
    NameWithSlug: Type.Optional(CatalogueFields.NameWithSlug),
    ...readOnlyProperties(['ID', 'CreatedAt', 'UpdatedAt']),
  },
  { additionalProperties: false },
));
export type CatalogueUpdateWire = Static<typeof CatalogueUpdateBody>;

/** Ids from an ids field, or from a list that must then hold ids only. */
function idsOf(field: string, ids: number[] | undefined, list: (number | string)[] | undefined): number[] | undefined {
  if (ids !== undefined) return ids;
  if (list === undefined) return undefined;
  const name = list.find((x) => typeof x === 'string');
  if (name !== undefined) throw new Invalid(field, `ids expected, got ${JSON.stringify(name)}; names (as a GET shows them) only alongside ${field.slice(0, -1)}IDs`);
  return list as number[];
}

/** The change an update body asks for, in the terms of the create body. */
export function catalogueChange(body: CatalogueUpdateWire): CatalogueUpdate {
  const products = idsOf('Products', body.ProductIDs, body.Products);
  const plans = idsOf('Plans', body.PlanIDs, body.Plans);
  return {
    ...(body.Name !== undefined ? { Name: body.Name } : {}),
    ...(body.VisibilityStatus !== undefined ? { VisibilityStatus: body.VisibilityStatus } : {}),
    ...(body.NameWithSlug !== undefined ? { NameWithSlug: body.NameWithSlug } : {}),
    ...(products !== undefined ? { Products: products } : {}),
    ...(plans !== undefined ? { Plans: plans } : {}),
    ...(body.OrgCatalogues !== undefined
      ? { OrgCatalogues: body.OrgCatalogues.map((a) => ({ OrganisationID: a.OrganisationID, ...(typeof a.TeamID === 'number' ? { TeamID: a.TeamID } : {}) })) }
      : {}),
  };
}

export const CatalogueParams = Type.Object({ catalogueId: Type.String() });


export const CatalogueIndexElem = named('CatalogueSummary', Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  NameWithSlug: Type.String(),
  VisibilityStatus: Visibility,
}));

export const AudienceView = named('Audience', Type.Object({
  Catalogue: Type.String({ description: "The catalogue's name" }),
  Name: Type.String({ description: 'The team, or the organisation when the whole organisation is the audience' }),
  Organisation: Type.String(),
  OrganisationID: Type.Integer(),
  Team: Type.Union([Type.String(), Type.Null()]),
  TeamID: Type.Union([Type.Integer(), Type.Null()]),
}));

export const CatalogueShow = named('Catalogue', Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  NameWithSlug: Type.String(),
  VisibilityStatus: Visibility,
  Products: Type.Array(Type.String(), { description: 'Names of the products (as Tyk)' }),
  ProductIDs: Type.Array(Type.Integer()),
  Plans: Type.Array(Type.String(), { description: 'Names of the plans (as Tyk)' }),
  PlanIDs: Type.Array(Type.Integer()),
  OrgCatalogues: Type.Array(AudienceView),
  CreatedAt: PortalDate,
  UpdatedAt: PortalDate,
}));
export type CatalogueShow = Static<typeof CatalogueShow>;

/* The Live Portal's view (no internal details: no upstream URLs, no audiences). */

export const LivePlan = named('LivePlan', Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  DisplayName: Type.String(),
  Description: Type.String(),
  RateLimit: Type.Number(),
  Per: Type.Number(),
  UnlimitedRateLimit: Type.Boolean(),
  Quota: Type.Integer(),
  QuotaRenewalRate: Type.Integer(),
  UnlimitedQuota: Type.Boolean(),
  KeyExpiresIn: Type.Integer(),
  AutoApproveAccessRequests: Type.Boolean(),
}));

export const LiveApi = named('LiveApi', Type.Object({
  APIID: Type.String(),
  Name: Type.String(),
  Description: Type.String(),
  ListenPath: Type.String(),
  URL: Type.String({
    description: "Where consumers call the API: the gateway's public address (PORTCULLIS_GATEWAY_PUBLIC_URL) followed by the listen path; empty when that address is not configured",
  }),
  OASUrl: Type.String({ description: 'Where the OpenAPI document is served (public under the same rule as the product); empty when there is none' }),
}));

export const LiveGuideElem = named('LiveGuideSummary', Type.Object({ ID: Type.Integer(), Title: Type.String(), Path: Type.String(), Url: Type.String() }));
export const LiveGuide = named('LiveGuide', Type.Object({ ID: Type.Integer(), Title: Type.String(), Path: Type.String(), Content: Type.String({ description: 'Markdown' }), UpdatedAt: Type.String() }));

export const LiveProductElem = named('LiveProductSummary', Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  DisplayName: Type.String(),
  Description: Type.String(),
  Tags: Type.Array(Type.String()),
  APIs: Type.Array(LiveApi),
  Guides: Type.Array(LiveGuideElem),
  ClientTypes: Type.Array(Type.Object({ ID: Type.Integer(), Name: Type.String(), Description: Type.String() }), {
    description: 'DCR products: the OAuth client types an access request may choose (ClientTypeID); empty for others',
  }),
}));

export const LiveProductShow = named('LiveProduct', Type.Object({
  ...LiveProductElem.properties,
  Plans: Type.Array(LivePlan, { description: 'Plans offered with this product in catalogues you may see' }),
  Catalogues: Type.Array(Type.Object({ ID: Type.Integer(), Name: Type.String() })),
}));

export const LiveCatalogue = named('LiveCatalogue', Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  NameWithSlug: Type.String(),
  VisibilityStatus: Visibility,
  Products: Type.Array(LiveProductElem),
  Plans: Type.Array(LivePlan),
}));

export const LiveProductParams = Type.Object({ productId: Type.String() });
export const LiveProductApiParams = Type.Object({ productId: Type.String(), apiId: Type.String() });
export const LiveGuideParams = Type.Object({ productId: Type.String(), docId: Type.String() });
