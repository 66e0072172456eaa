import { Invalid } from '../errors.js';

/** The Dashboard sections a permission can name. */
export const SECTIONS = [
  'apis',
  'analytics',
  'owned_analytics',
  'keys',
  'policies',
  'users',
  'user_groups',
  'portal',
  'audit_logs',
] as const;
export type Section = (typeof SECTIONS)[number];
export type Level = 'read' | 'write' | 'deny';
export const LEVELS: readonly Level[] = ['read', 'write', 'deny'];

/** Stored form: the sections a user or group names; an absent section is denied. */
export type SectionPermissions = Partial<Record<Section, Level>>;

/**
 * Tyk Dashboard sections Portcullis has no screen or route for (certificates,
 * webhooks, identity management, logs, OAuth clients, system, websockets, API
 * assets). They are accepted, kept and shown so that a Tyk script's permission
 * map survives a round trip, and grant nothing here.
 */
export const TYK_ONLY_SECTIONS = ['api_assets', 'certs', 'hooks', 'idm', 'log', 'oauth', 'system', 'websockets'] as const;

/** Kept as sent, never consulted: Tyk-only sections, and `IsAdmin: "false"` (Tyk's own way to say "not an administrator"). */
export type KeptSections = Record<string, string>;

export interface Permissions {
  isAdmin: boolean;
  sections: SectionPermissions;
  /** Tyk sections Portcullis does not act on; absent means none. */
  kept?: KeptSections;
}

const RANK: Record<Level, number> = { deny: 0, read: 1, write: 2 };

export function isSection(name: string): name is Section {
  return (SECTIONS as readonly string[]).includes(name);
}

export function isTykOnlySection(name: string): boolean {
  return (TYK_ONLY_SECTIONS as readonly string[]).includes(name);
}

/**
 * Reads a Tyk `user_permissions` map. Unknown sections or values are refused with
 * a 400 naming them; `IsAdmin: "admin"` is accepted only where `allowAdmin`.
 * Tyk-only sections and `IsAdmin: "false"` are kept (`kept`) and grant nothing.
 */
export function parsePermissions(input: Record<string, string>, field: string, allowAdmin: boolean): Permissions {
  const sections: SectionPermissions = {};
  const kept: KeptSections = {};
  let isAdmin = false;
  const unknown: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    if (name === 'IsAdmin') {
      if (value === 'false') {
        kept.IsAdmin = value;
        continue;
      }
      if (value !== 'admin') throw new Invalid(`${field}.IsAdmin`, `must be "admin" or "false", got ${JSON.stringify(value)}`);
      if (!allowAdmin) throw new Invalid(`${field}.IsAdmin`, 'a user group cannot carry IsAdmin');
      isAdmin = true;
      continue;
    }
    const tykOnly = isTykOnlySection(name);
    if (!isSection(name) && !tykOnly) {
      unknown.push(name);
      continue;
    }
    if (!(LEVELS as readonly string[]).includes(value)) {
      throw new Invalid(`${field}.${name}`, `must be one of read, write, deny; got ${JSON.stringify(value)}`);
    }
    if (tykOnly) kept[name] = value;
    else sections[name as Section] = value as Level;
  }
  if (unknown.length > 0) {
    throw new Invalid(
      `${field}`,
      `unknown section${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')}; known: IsAdmin, ${[...SECTIONS, ...TYK_ONLY_SECTIONS].join(', ')}`,
    );
  }
  return { isAdmin, sections, kept };
}

/** The Tyk wire form of a permission set. */
export function renderPermissions(p: Permissions): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.isAdmin) out.IsAdmin = 'admin';
  else if (p.kept?.IsAdmin !== undefined) out.IsAdmin = p.kept.IsAdmin;
  for (const s of SECTIONS) {
    const level = p.sections[s];
    if (level) out[s] = level;
  }
  for (const s of TYK_ONLY_SECTIONS) {
    const level = p.kept?.[s];
    if (level !== undefined) out[s] = level;
  }
  return out;
}

/** The stored form (one JSON column): the sections Portcullis acts on and the kept Tyk ones side by side. */
export function storedPermissions(p: Permissions): string {
  const all: Record<string, string> = { ...p.kept, ...p.sections };
  return JSON.stringify(Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]])));
}

export function levelOf(p: Permissions, section: Section): Level {
  if (p.isAdmin) return 'write';
  return p.sections[section] ?? 'deny';
}

export function atLeast(have: Level, need: Level): boolean {
  return RANK[have] >= RANK[need];
}

/** The sections where `wanted` asks for more than `held` has. */
export function sectionsExceeding(wanted: SectionPermissions, held: Permissions): Section[] {
  if (held.isAdmin) return [];
  return SECTIONS.filter((s) => RANK[wanted[s] ?? 'deny'] > RANK[levelOf(held, s)]);
}

export function parseStoredSections(json: string): SectionPermissions {
  const raw = JSON.parse(json) as Record<string, string>;
  const out: SectionPermissions = {};
  for (const [k, v] of Object.entries(raw)) {
    if (isSection(k) && (LEVELS as readonly string[]).includes(v)) out[k] = v as Level;
  }
  return out;
}

/** The kept Tyk sections of a stored permission column (see storedPermissions). */
export function parseStoredKept(json: string): KeptSections {
  const raw = JSON.parse(json) as Record<string, string>;
  const out: KeptSections = {};
  for (const [k, v] of Object.entries(raw)) {
    if (isTykOnlySection(k) || (k === 'IsAdmin' && v === 'false')) out[k] = v;
  }
  return out;
}

/** A group member's permissions are the group's; an administrator's flag is their own. */
export function effectivePermissions(isAdmin: boolean, own: SectionPermissions, group: SectionPermissions | null, kept?: KeptSections): Permissions {
  return { isAdmin, sections: group ?? own, ...(kept ? { kept } : {}) };
}
