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

export interface Permissions {
  isAdmin: boolean;
  sections: SectionPermissions;
}

const RANK: Record<Level, number> = { deny: 0, read: 1, write: 2 };

export function isSection(name: string): name is Section {
  return (SECTIONS as readonly string[]).includes(name);
}

/**
 * Reads a Tyk `user_permissions` map. Unknown sections or values are refused with
 * a 400 naming them; `IsAdmin: "admin"` is accepted only where `allowAdmin`.
 */
export function parsePermissions(input: Record<string, string>, field: string, allowAdmin: boolean): Permissions {
  const sections: SectionPermissions = {};
  let isAdmin = false;
  const unknown: string[] = [];
  for (const [name, value] of Object.entries(input)) {
    if (name === 'IsAdmin') {
      if (value !== 'admin') throw new Invalid(`${field}.IsAdmin`, `must be "admin", got ${JSON.stringify(value)}`);
      if (!allowAdmin) throw new Invalid(`${field}.IsAdmin`, 'a user group cannot carry IsAdmin');
      isAdmin = true;
      continue;
    }
    if (!isSection(name)) {
      unknown.push(name);
      continue;
    }
    if (!(LEVELS as readonly string[]).includes(value)) {
      throw new Invalid(`${field}.${name}`, `must be one of read, write, deny; got ${JSON.stringify(value)}`);
    }
    sections[name] = value as Level;
  }
  if (unknown.length > 0) {
    throw new Invalid(`${field}`, `unknown section${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')}; known: IsAdmin, ${SECTIONS.join(', ')}`);
  }
  return { isAdmin, sections };
}

/** The Tyk wire form of a permission set. */
export function renderPermissions(p: Permissions): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.isAdmin) out.IsAdmin = 'admin';
  for (const s of SECTIONS) {
    const level = p.sections[s];
    if (level) out[s] = level;
  }
  return out;
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

/** A group member's permissions are the group's; an administrator's flag is their own. */
export function effectivePermissions(isAdmin: boolean, own: SectionPermissions, group: SectionPermissions | null): Permissions {
  return { isAdmin, sections: group ?? own };
}
