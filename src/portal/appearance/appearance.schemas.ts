import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi.js';

/** The fonts an administrator may choose: system stacks only, nothing loaded from elsewhere. */
export const FONT_STACKS = {
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
  helvetica: '"Helvetica Neue", Helvetica, Arial, sans-serif',
  verdana: 'Verdana, Geneva, Tahoma, sans-serif',
  trebuchet: '"Trebuchet MS", "Lucida Grande", "Lucida Sans Unicode", sans-serif',
  georgia: 'Georgia, Cambria, "Times New Roman", Times, serif',
  palatino: '"Palatino Linotype", Palatino, "Book Antiqua", Georgia, serif',
} as const;
export type FontFamily = keyof typeof FONT_STACKS;

export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type LogoMediaType = (typeof LOGO_MEDIA_TYPES)[number];

/** Limits, checked by the service so that the 400 says which field and why in plain words. */
export const LOGO_MAX_BYTES = 256 * 1024;
export const CSS_MAX_CHARS = 50_000;
export const INTRODUCTION_MAX_CHARS = 20_000;
export const MENU_LINKS_MAX = 8;

const FontFamily = Type.Union(
  [Type.Literal('system'), Type.Literal('helvetica'), Type.Literal('verdana'), Type.Literal('trebuchet'), Type.Literal('georgia'), Type.Literal('palatino')],
  { description: 'One of a short list of fonts every device has (no web font is loaded)' },
);

export const MenuLink = named('PortalMenuLink', Type.Object(
  {
    Label: Type.String({ maxLength: 200, description: 'The link text (1 to 40 characters)' }),
    URL: Type.String({ maxLength: 2048, description: 'http(s)://… or a path on this site starting with /' }),
  },
  { additionalProperties: false },
));
export type MenuLink = Static<typeof MenuLink>;

const Fields = {
  Name: Type.String({ maxLength: 500, description: 'The portal name in the header and the home page title (1 to 60 characters)' }),
  PrimaryColour: Type.String({ maxLength: 100, description: 'A colour such as #1a73e8 for buttons and links; "" for the default' }),
  FontFamily,
  CustomCSS: Type.String({ maxLength: 1_000_000, description: `A stylesheet applied to every page of the Live Portal (at most ${CSS_MAX_CHARS} characters), served as text/css` }),
  Introduction: Type.String({ maxLength: 1_000_000, description: `Markdown shown on the home page above the catalogues (at most ${INTRODUCTION_MAX_CHARS} characters)` }),
  MenuLinks: Type.Array(MenuLink, { maxItems: 100, description: `Extra links in the portal's menu (at most ${MENU_LINKS_MAX})` }),
};

export const LogoView = named('PortalLogo', Type.Object({
  MediaType: Type.String(),
  Size: Type.Integer({ description: 'Bytes' }),
  URL: Type.String({ description: 'Where the Live Portal loads it' }),
}));

export const AppearanceView = named('PortalAppearance', Type.Object({
  ...Fields,
  Logo: Type.Union([LogoView, Type.Null()]),
  UpdatedAt: Type.String(),
}));
export type AppearanceView = Static<typeof AppearanceView>;

export const LogoUpload = named('PortalLogoUpload', Type.Object(
  {
    MediaType: Type.String({ maxLength: 100, description: 'image/png, image/jpeg or image/svg+xml' }),
    Data: Type.String({ maxLength: 2_000_000, description: `The file, base64-encoded (at most ${LOGO_MAX_BYTES / 1024} KB once decoded)` }),
  },
  { additionalProperties: false },
));
export type LogoUpload = Static<typeof LogoUpload>;

/** Fields present are changed; `Logo: null` removes the logo. */
export const AppearanceUpdate = Type.Partial(
  Type.Object({
    ...Fields,
    Logo: Type.Union([LogoUpload, Type.Null(), LogoView], { description: 'An upload sets the logo, null removes it; the logo as a GET shows it (PortalLogo) leaves it as it is' }),
    UpdatedAt: Type.String({ description: 'Read-only: accepted and ignored' }),
  }),
  { additionalProperties: false },
);
export type AppearanceUpdate = Static<typeof AppearanceUpdate>;

/** What the Live Portal reads before it draws its first page. */
export const PublicAppearance = named('LivePortalAppearance', Type.Object({
  Name: Type.String(),
  LogoURL: Type.Union([Type.String(), Type.Null()]),
  PrimaryColour: Type.Union([Type.String({ description: '#rrggbb' }), Type.Null()]),
  FontFamily,
  FontStack: Type.String({ description: 'The CSS font-family value' }),
  Introduction: Type.String({ description: 'Markdown' }),
  MenuLinks: Type.Array(MenuLink),
  StylesheetURL: Type.Union([Type.String(), Type.Null()], { description: 'The custom stylesheet to link, when there is one' }),
}));
export type PublicAppearance = Static<typeof PublicAppearance>;
