/**
 * The request path as the gateway routes, checks and forwards it: one form,
 * computed once, so that what the access rights saw is what the upstream gets.
 *
 * - percent-encoded unreserved octets (ALPHA DIGIT - . _ ~) are decoded, `%2e`
 *   included; every other escape (`%2F`, `%3B`, …) is kept as it came;
 * - dot segments are removed (RFC 3986 §5.2.4); one that would climb above `/`
 *   is refused, and so is a dot segment carrying parameters (`..;x`);
 * - runs of `/` become one `/`;
 * - backslashes, raw or encoded, are refused (some upstreams read them as `/`),
 *   and so are malformed escapes and request targets not starting with `/`.
 */

/** A path that needed work: its normalised form, or why it is refused. */
export interface ResolvedPath {
  path: string;
  /** The fewest segments a `..` left on the way; -1 when no `..` applied. */
  floor: number;
  /** Why the path is refused; null when it is not. */
  error: string | null;
}

const SLASH = 47;
const DOT = 46;
const PERCENT = 37;
const BACKSLASH = 92;

/**
 * The normalised path: the very same string when there is nothing to do (the
 * common case, no allocation), else a ResolvedPath.
 */
export function normalizePath(raw: string): string | ResolvedPath {
  const n = raw.length;
  if (n === 0 || raw.charCodeAt(0) !== SLASH) return refused('it must start with "/"');
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === PERCENT || c === BACKSLASH) return resolve(raw);
    if (c === SLASH && i + 1 < n) {
      const next = raw.charCodeAt(i + 1);
      if (next === SLASH || next === DOT) return resolve(raw);
    }
  }
  return raw;
}

function refused(error: string): ResolvedPath {
  return { path: '', floor: -1, error };
}

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function unreserved(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95 || c === 126;
}

function resolve(raw: string): ResolvedPath {
  let decoded = '';
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === BACKSLASH) return refused('backslashes are not allowed');
    if (c !== PERCENT) continue;
    const hi = i + 2 < raw.length ? hex(raw.charCodeAt(i + 1)) : -1;
    const lo = hi < 0 ? -1 : hex(raw.charCodeAt(i + 2));
    if (lo < 0) return refused('malformed percent-encoding');
    const octet = hi * 16 + lo;
    if (octet === BACKSLASH) return refused('backslashes are not allowed');
    if (unreserved(octet)) {
      decoded += raw.slice(from, i) + String.fromCharCode(octet);
      from = i + 3;
    }
    i += 2;
  }
  decoded += raw.slice(from);

  const segments = decoded.split('/');
  const out: string[] = [];
  let floor = -1;
  let trailing = false;
  // segments[0] is the empty text before the leading "/".
  for (let j = 1; j < segments.length; j++) {
    const s = segments[j]!;
    const last = j === segments.length - 1;
    if (s === '' || s === '.') {
      trailing = last;
      continue;
    }
    if (s === '..') {
      if (out.length === 0) return refused('it climbs above the root');
      out.pop();
      floor = floor < 0 ? out.length : Math.min(floor, out.length);
      trailing = last;
      continue;
    }
    const semi = s.indexOf(';');
    if (semi === 1 || semi === 2) {
      const head = s.slice(0, semi);
      if (head === '.' || head === '..') return refused('dot segments with parameters are not allowed');
    }
    out.push(s);
    trailing = false;
  }
  const path = out.length === 0 ? '/' : `/${out.join('/')}${trailing ? '/' : ''}`;
  return { path, floor, error: null };
}

/** How many segments a listen path prefix ("" or "/a/b") holds. */
export function segmentCount(prefix: string): number {
  let count = 0;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) === SLASH) count += 1;
  return count;
}
