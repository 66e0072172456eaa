import { Type, type Static } from 'typebox';
import { NO_NUL } from './catalogues.schemas.js';
import { PortalDate } from '../portal-date.js';
import { Id } from '../../http/ids.js';
import { named } from '../../http/openapi.js';
import { keptFieldNames, keptProperties, readOnlyProperties, withKeptProperties } from '../../http/tyk-fields.js';

/*
 * Products in the shapes of the Tyk portal description (Product-create,
 * Product-update, Product-show, Product-index-elem, Product-APIDetail). Tyk
 * names catalogues by id in requests and by name in replies; replies carry both
 * (`Catalogues` names, `CatalogueIDs` ids). Tags are plain strings.
 */

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL, description: 'Unique, whatever the case' });
const Text = (max: number, description: string) => Type.String({ maxLength: max, pattern: NO_NUL, description });

export const ApiDetailInput = named('ApiDetailInput', Type.Object(
  {
    APIID: Type.String({ minLength: 1, maxLength: 128, description: 'The api_id of an API (as in /api/apis) the caller can see' }),
    Description: Type.Optional(Text(5000, 'What this API does, for consumers')),
    // What a GET shows of the API: sent back unchanged in a read–modify–write.
    ...readOnlyProperties(['Name', 'APIType', 'ListenPath', 'TargetURL', 'Status', 'OASUrl', 'DocumentSource']),
  },
  { additionalProperties: false },
));

const ProductFields = {
  Name,
  DisplayName: Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL, description: 'Shown to consumers; defaults to Name' }),
  Description: Text(5000, 'Short description shown in the catalogue'),
  APIDetails: Type.Array(ApiDetailInput, { maxItems: 100, description: 'The APIs the product exposes, in order' }),
  Tags: Type.Array(Type.String({ minLength: 1, maxLength: 100, pattern: NO_NUL }), { maxItems: 50 }),
  Catalogues: Type.Array(Type.Union([Id(), Type.String({ maxLength: 200 })]), {
    maxItems: 1000,
    description: 'Ids of the catalogues listing the product. Names (as a GET shows them) only alongside CatalogueIDs, which then win',
  }),
  CatalogueIDs: Type.Array(Id(), { maxItems: 1000, description: 'The ids as a GET shows them: when sent, they say the catalogues (Catalogues is then ignored)' }),
  ProviderID: Type.Integer({ description: 'Accepted for Tyk compatibility; there is one provider' }),
  IsDocumentationOnly: Type.Literal(false, { description: 'Accepted for Tyk compatibility; only false' }),
};

const ProductInputFields = {
  Name: ProductFields.Name,
  DisplayName: Type.Optional(ProductFields.DisplayName),
  Description: Type.Optional(ProductFields.Description),
  APIDetails: Type.Optional(ProductFields.APIDetails),
  Tags: Type.Optional(ProductFields.Tags),
  Catalogues: Type.Optional(ProductFields.Catalogues),
  CatalogueIDs: Type.Optional(ProductFields.CatalogueIDs),
  ProviderID: Type.Optional(ProductFields.ProviderID),
  IsDocumentationOnly: Type.Optional(ProductFields.IsDocumentationOnly),
};

/** Tyk product fields Portcullis does not act on (Content, Path, AuthType, DCREnabled, Scopes, …): kept as sent and returned. */
export const PRODUCT_KEPT_FIELDS = keptFieldNames('portalProduct', Object.keys(ProductInputFields));

export const ProductCreateBody = named('ProductInput', Type.Object(
  { ...withKeptProperties(ProductInputFields, PRODUCT_KEPT_FIELDS), ...readOnlyProperties(['ID', 'CreatedAt', 'UpdatedAt']) },
  { additionalProperties: false },
));
export type ProductCreate = Static<typeof ProductCreateBody>;

/** Every field optional: what is sent replaces, the rest stays. */
export const ProductUpdateBody = Type.Partial(ProductCreateBody, { additionalProperties: false });
export type ProductUpdate = Static<typeof ProductUpdateBody>;

export const ProductParams = Type.Object({ productId: Type.String() });
export const ProductApiParams = Type.Object({ productId: Type.String(), apiId: Type.String() });
export const GuideParams = Type.Object({ productId: Type.String(), docId: Type.String() });


export const ApiDetailView = named('ApiDetail', Type.Object({
  APIID: Type.String(),
  Name: Type.String(),
  Description: Type.String(),
  APIType: Type.String({ description: 'classic or oas' }),
  ListenPath: Type.String(),
  TargetURL: Type.String(),
  Status: Type.Boolean({ description: 'Whether the API is active' }),
  OASUrl: Type.String({ description: "Where this API's OpenAPI document is served; empty when it has none" }),
  DocumentSource: Type.Union([Type.Literal('uploaded'), Type.Literal('api'), Type.Literal('none')], {
    description: "uploaded: a document uploaded for this product; api: the OAS API's own document; none: no document",
  }),
}));

export const ProductShow = named('Product', Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  DisplayName: Type.String(),
  Description: Type.String(),
  APIDetails: Type.Array(ApiDetailView),
  Tags: Type.Array(Type.String()),
  Catalogues: Type.Array(Type.String(), { description: 'Names of the catalogues listing the product (as Tyk)' }),
  CatalogueIDs: Type.Array(Type.Integer()),
  IsDocumentationOnly: Type.Literal(false),
  CreatedAt: PortalDate,
  UpdatedAt: PortalDate,
  ...keptProperties(PRODUCT_KEPT_FIELDS),
}));
export type ProductShow = Static<typeof ProductShow>;

export const ProductIndexElem = named('ProductSummary', Type.Object({
  ID: Type.Integer(),
  Name: Type.String(),
  DisplayName: Type.String(),
  Description: Type.String(),
  APIDetails: Type.Array(Type.Object({ APIID: Type.String(), Name: Type.String(), Status: Type.Boolean() })),
  Tags: Type.Array(Type.String()),
  Catalogues: Type.Array(Type.String(), { description: 'Names of the catalogues listing the product (as in Product)' }),
  CatalogueIDs: Type.Array(Type.Integer()),
  IsDocumentationOnly: Type.Literal(false),
}));

export const ApiDetailUpdateBody = named('ApiDetailUpdate', Type.Object(
  { Description: Type.Optional(Text(5000, 'What this API does, for consumers')) },
  { additionalProperties: false },
));

/** An OpenAPI document, uploaded as JSON. */
export const OasDocumentBody = named('OasDocument', Type.Object({}, { additionalProperties: true, description: 'An OpenAPI 3.x (or Swagger 2.0) document as JSON' }));

const Title = Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL });
const Markdown = Type.String({ maxLength: 200_000, pattern: NO_NUL, description: 'Markdown, returned as stored' });
const MarkdownEnabled = Type.Literal(true, { description: 'Accepted for Tyk compatibility: guides are always Markdown' });

export const GuideCreateBody = named('GuideInput', Type.Object(
  {
    Title,
    Content: Type.Optional(Markdown),
    MarkdownContent: Type.Optional(Type.String({ maxLength: 200_000, pattern: NO_NUL, description: 'Same as Content (Tyk sends both); Content wins when both are sent' })),
    MarkdownEnabled: Type.Optional(MarkdownEnabled),
  },
  { additionalProperties: false },
));
export type GuideCreate = Static<typeof GuideCreateBody>;
export const GuideUpdateBody = Type.Partial(GuideCreateBody, { additionalProperties: false });
export type GuideUpdate = Static<typeof GuideUpdateBody>;

export const GuideReorderBody = Type.Array(Id(), { maxItems: 1000, description: 'Every guide id of the product, in the new order' });

export const GuideView = named('Guide', Type.Object({
  ID: Type.Integer(),
  Title: Type.String(),
  Content: Type.String(),
  MarkdownEnabled: Type.Literal(true),
  Status: Type.Literal('published', { description: 'Guides have no drafts: they show wherever their product shows' }),
  Path: Type.String({ description: 'A slug of the title (Tyk requires one)' }),
  Position: Type.Integer(),
  CreatedAt: PortalDate,
  UpdatedAt: PortalDate,
}));
export type GuideView = Static<typeof GuideView>;
