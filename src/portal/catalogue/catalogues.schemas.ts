import { Type, type Static } from 'typebox';
import { PortalDate } from '../portal-date.js';
import { Id } from '../../http/ids.js';
import { named } from '../../http/openapi.js';

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
export const CatalogueUpdateBody = Type.Partial(CatalogueCreateBody, { additionalProperties: false });
export type CatalogueUpdate = Static<typeof CatalogueUpdateBody>;

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
