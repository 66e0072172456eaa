import { Type, type Static } from 'typebox';
import { PortalDate } from '../portal-date.js';
import { named } from '../../http/openapi.js';
import { readOnlyProperties } from '../../http/tyk-fields.js';

/*
 * Blog posts and pages of the Developer Portal, in the shapes of the Tyk portal
 * description (Post-create, Post-show, Post-index-elem, Page-basic, Page-show).
 * Content is Markdown, stored and returned as written: rendering it (safely) is
 * the browser's job.
 */

// PostgreSQL text cannot hold NUL; refusing it here keeps it a 400, never a 500.
const NO_NUL = '^[^\\u0000]*$';

const Title = Type.String({ minLength: 1, maxLength: 200, pattern: NO_NUL, description: 'Title' });
const Lede = Type.String({ maxLength: 1000, pattern: NO_NUL, description: 'Short summary shown in lists' });
const Content = Type.String({ maxLength: 200_000, pattern: NO_NUL, description: 'Markdown, returned as stored (never rendered to HTML by the server)' });
const Status = Type.Union([Type.Literal('published'), Type.Literal('draft')], { description: 'Only published content is public' });
const Path = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'URL path, unique per kind: lowercase letters, digits, - and _, in segments separated by /; one leading / is dropped. A page (served at /<path>) cannot start with a segment of the portal\'s own addresses: admin, api, assets, auth, blog, gateway, health, metrics, portal, portal-api',
});
const MarkdownEnabled = Type.Boolean({ description: 'Accepted for Tyk compatibility: content is always Markdown, so only true is accepted' });

export const ContentCreateBody = named('ContentInput', Type.Object(
  {
    Title,
    Path,
    Status,
    Content: Type.Optional(Content),
    Lede: Type.Optional(Lede),
    MarkdownEnabled: Type.Optional(MarkdownEnabled),
  },
  { additionalProperties: false },
));
export type ContentCreate = Static<typeof ContentCreateBody>;

/** Every field optional: what is sent changes, the rest stays. */
export const ContentUpdateBody = Type.Object(
  {
    ...Type.Partial(ContentCreateBody).properties,
    // What a GET shows and a client sends back: accepted and ignored, as Tyk ignores them.
    ...readOnlyProperties(['ID', 'CreatedAt', 'UpdatedAt', 'PublishedAt']),
  },
  { additionalProperties: false },
);
export type ContentUpdate = Static<typeof ContentUpdateBody>;

export const ContentIdParams = Type.Object({ id: Type.String() });

const Fields = {
  Title: Type.String(),
  Lede: Type.String(),
  Content: Type.String(),
  Status,
  Path: Type.String(),
  CreatedAt: PortalDate,
  UpdatedAt: PortalDate,
  PublishedAt: Type.Union([PortalDate, Type.Null()], { description: 'When first published; null while never published' }),
};

/** Post-show: the Tyk description gives a post's ID as a string here (and as an integer in lists). */
export const PostShow = named('Post', Type.Object({ ID: Type.String(), ...Fields, MarkdownEnabled: Type.Literal(true) }));
export const PostIndexElem = named('PostSummary', Type.Object({ ID: Type.Integer(), ...Fields, MarkdownEnabled: Type.Literal(true) }));
export const PageShow = named('Page', Type.Object({ ID: Type.Integer(), ...Fields }));

/** What anyone may read: no ids (they would reveal how many drafts exist), no status. */
export const PublicContent = named('PublishedContent', Type.Object({
  Title: Type.String(),
  Lede: Type.String(),
  Content: Type.String(),
  Path: Type.String(),
  PublishedAt: PortalDate,
  UpdatedAt: PortalDate,
}));

export const PublicPathParams = Type.Object({ '*': Type.String({ description: "The item's Path, e.g. guides/first-call" }) });
