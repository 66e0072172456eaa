import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { requireSection } from '../../access/policy.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import type { PortalAppearanceTable } from '../../db/schema.js';
import { Invalid, NotFound } from '../../errors.js';
import {
  CSS_MAX_CHARS,
  FONT_STACKS,
  INTRODUCTION_MAX_CHARS,
  LOGO_MAX_BYTES,
  LOGO_MEDIA_TYPES,
  MENU_LINKS_MAX,
  type AppearanceUpdate,
  type AppearanceView,
  type FontFamily,
  type LogoUpload,
  type MenuLink,
  type PublicAppearance,
} from './appearance.schemas.js';

type Row = Selectable<PortalAppearanceTable>;

/** Where the Live Portal loads the logo and the stylesheet; the version changes with the content, so a new one is fetched at once. */
export const LOGO_PATH = '/portal/api/appearance/logo';
export const STYLESHEET_PATH = '/portal/api/appearance.css';

const NAME_MAX = 60;
const LABEL_MAX = 40;
// Control characters have no place in a name, a label or an address.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const read = (ex: Executor): Promise<Row> => ex.selectFrom('portal_appearance').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();

/** A short fingerprint of some content: its ETag and its URL's version. */
export const fingerprint = (content: string): string => createHash('sha256').update(content).digest('base64url').slice(0, 16);

function menuLinksOf(row: Row): MenuLink[] {
  const parsed = JSON.parse(row.menu_links) as { label: string; url: string }[];
  return parsed.map((l) => ({ Label: l.label, URL: l.url }));
}

const fontOf = (row: Row): FontFamily => (row.font_family in FONT_STACKS ? (row.font_family as FontFamily) : 'system');
const logoUrl = (row: Row): string | null => (row.logo_base64 === '' ? null : `${LOGO_PATH}?v=${fingerprint(row.logo_base64)}`);

function view(row: Row): AppearanceView {
  const url = logoUrl(row);
  return {
    Name: row.portal_name,
    Logo: url === null ? null : { MediaType: row.logo_media_type, Size: Buffer.from(row.logo_base64, 'base64').length, URL: url },
    PrimaryColour: row.primary_colour,
    FontFamily: fontOf(row),
    CustomCSS: row.custom_css,
    Introduction: row.introduction,
    MenuLinks: menuLinksOf(row),
    UpdatedAt: row.updated_at,
  };
}

function checkName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw new Invalid('Name', 'give the portal a name');
  if (name.length > NAME_MAX) throw new Invalid('Name', `is ${name.length} characters long; the longest name is ${NAME_MAX}`);
  if (CONTROL.test(name)) throw new Invalid('Name', 'must be one line of text');
  return name;
}

/** "#1A73E8" and "#1a7" become "#1a73e8"; "" is the default colour. */
function checkColour(raw: string): string {
  const c = raw.trim().toLowerCase();
  if (c === '') return '';
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  throw new Invalid('PrimaryColour', 'write a colour as # and six hexadecimal digits, such as #1a73e8');
}

/** http(s) addresses elsewhere, or a path on this site: never javascript:, data: or a protocol-relative //host. */
export function safeLinkUrl(raw: string): string | undefined {
  const url = raw.trim();
  if (url === '' || CONTROL.test(url) || /\s/.test(url) || url.includes('\\')) return undefined;
  if (url.startsWith('/')) return url.startsWith('//') ? undefined : url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function checkLinks(links: MenuLink[]): { label: string; url: string }[] {
  if (links.length > MENU_LINKS_MAX) throw new Invalid('MenuLinks', `has ${links.length} links; the menu takes at most ${MENU_LINKS_MAX}`);
  return links.map((l, i) => {
    const label = l.Label.trim();
    if (label === '') throw new Invalid(`MenuLinks.${i}.Label`, 'give the link a label');
    if (label.length > LABEL_MAX) throw new Invalid(`MenuLinks.${i}.Label`, `is ${label.length} characters long; the longest label is ${LABEL_MAX}`);
    if (CONTROL.test(label)) throw new Invalid(`MenuLinks.${i}.Label`, 'must be one line of text');
    const url = safeLinkUrl(l.URL);
    if (url === undefined) throw new Invalid(`MenuLinks.${i}.URL`, 'use an address starting with https://, http:// or / (a page of this site)');
    return { label, url };
  });
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const KIND: Record<string, string> = { 'image/png': 'a PNG', 'image/jpeg': 'a JPEG', 'image/svg+xml': 'an SVG' };

/** Whether the bytes are what the media type says. An SVG is text whose first element is <svg>. */
function looksLike(mediaType: string, bytes: Buffer): boolean {
  if (mediaType === 'image/png') return bytes.subarray(0, PNG.length).equals(PNG);
  if (mediaType === 'image/jpeg') return bytes.subarray(0, JPEG.length).equals(JPEG);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const withoutProlog = text.replace(/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*/i, '');
  return /^<svg[\s>]/i.test(withoutProlog);
}

function checkLogo(upload: LogoUpload): { mediaType: string; base64: string } {
  const mediaType = upload.MediaType.trim().toLowerCase();
  if (!(LOGO_MEDIA_TYPES as readonly string[]).includes(mediaType)) throw new Invalid('Logo', 'use a PNG, JPEG or SVG image');
  const data = upload.Data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) throw new Invalid('Logo', 'the file could not be read (Data is not base64)');
  const bytes = Buffer.from(data, 'base64');
  if (bytes.length === 0) throw new Invalid('Logo', 'the file is empty');
  if (bytes.length > LOGO_MAX_BYTES) throw new Invalid('Logo', `the file is ${Math.ceil(bytes.length / 1024)} KB; the largest logo is ${LOGO_MAX_BYTES / 1024} KB`);
  if (!looksLike(mediaType, bytes)) throw new Invalid('Logo', `the file is not ${KIND[mediaType]} image`);
  return { mediaType, base64: bytes.toString('base64') };
}

/** Settings > Appearance (`portal` read / write), and what the Live Portal reads of it (public). */
export function appearanceService({ store }: AppContext) {
  const { db } = store;
  return {
    async get(actor: Actor): Promise<AppearanceView> {
      requireSection(actor, 'portal', 'read');
      return view(await read(db));
    },

    async update(actor: Actor, input: AppearanceUpdate): Promise<AppearanceView> {
      requireSection(actor, 'portal', 'write');
      const patch: Partial<Omit<Row, 'id'>> = {};
      const changes: Record<string, unknown> = {};
      if (input.Name !== undefined) patch.portal_name = changes.Name = checkName(input.Name);
      if (input.PrimaryColour !== undefined) patch.primary_colour = changes.PrimaryColour = checkColour(input.PrimaryColour);
      if (input.FontFamily !== undefined) patch.font_family = changes.FontFamily = input.FontFamily;
      if (input.CustomCSS !== undefined) {
        if (input.CustomCSS.length > CSS_MAX_CHARS) throw new Invalid('CustomCSS', `is ${input.CustomCSS.length} characters long; the limit is ${CSS_MAX_CHARS}`);
        patch.custom_css = input.CustomCSS;
        changes.CustomCSS = `(${input.CustomCSS.length} characters)`;
      }
      if (input.Introduction !== undefined) {
        if (input.Introduction.length > INTRODUCTION_MAX_CHARS) throw new Invalid('Introduction', `is ${input.Introduction.length} characters long; the limit is ${INTRODUCTION_MAX_CHARS}`);
        patch.introduction = input.Introduction;
        changes.Introduction = `(${input.Introduction.length} characters)`;
      }
      if (input.MenuLinks !== undefined) {
        const links = checkLinks(input.MenuLinks);
        patch.menu_links = JSON.stringify(links);
        changes.MenuLinks = links.map((l) => ({ Label: l.label, URL: l.url }));
      }
      if (input.Logo !== undefined) {
        if (input.Logo === null) {
          patch.logo_media_type = '';
          patch.logo_base64 = '';
          changes.Logo = '(removed)';
        } else if ('Data' in input.Logo) {
          // Not an upload: the logo as a GET showed it, sent back unchanged.
          const logo = checkLogo(input.Logo);
          patch.logo_media_type = logo.mediaType;
          patch.logo_base64 = logo.base64;
          changes.Logo = `(${logo.mediaType}, ${Buffer.from(logo.base64, 'base64').length} bytes)`;
        }
      }
      return db.transaction().execute(async (trx) => {
        if (Object.keys(changes).length > 0) {
          await trx.updateTable('portal_appearance').set({ ...patch, updated_at: new Date().toISOString() }).where('id', '=', 1).execute();
          await recordAudit(trx, actor, { action: 'appearance.update', targetType: 'portal_settings', targetId: 'appearance', changes });
        }
        return view(await read(trx));
      });
    },

    /** Public: what every visitor's Live Portal draws with. */
    async publicView(): Promise<PublicAppearance> {
      const row = await read(db);
      const font = fontOf(row);
      return {
        Name: row.portal_name,
        LogoURL: logoUrl(row),
        PrimaryColour: row.primary_colour === '' ? null : row.primary_colour,
        FontFamily: font,
        FontStack: FONT_STACKS[font],
        Introduction: row.introduction,
        MenuLinks: menuLinksOf(row),
        StylesheetURL: row.custom_css.trim() === '' ? null : `${STYLESHEET_PATH}?v=${fingerprint(row.custom_css)}`,
      };
    },

    /** Public: the logo's bytes and type; 404 when there is none. */
    async logo(): Promise<{ mediaType: string; bytes: Buffer; etag: string }> {
      const row = await read(db);
      if (row.logo_base64 === '') throw new NotFound('Logo');
      return { mediaType: row.logo_media_type, bytes: Buffer.from(row.logo_base64, 'base64'), etag: `"${fingerprint(row.logo_base64)}"` };
    },

    /** Public: the custom stylesheet ("" when there is none). */
    async stylesheet(): Promise<{ css: string; etag: string }> {
      const row = await read(db);
      return { css: row.custom_css, etag: `"${fingerprint(row.custom_css)}"` };
    },
  };
}

export type AppearanceService = ReturnType<typeof appearanceService>;
