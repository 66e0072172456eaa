/**
 * URL patterns of access rights (`allowed_urls[].url`) and hard timeouts
 * (`hard_timeouts[].path`). Tyk's patterns are Go regular expressions, so RE2
 * syntax, and they are matched here with RE2 (re2js): matching time is linear
 * in the path, whatever the pattern, so no stored pattern can stall a gateway.
 *
 * This module has no side effects: the write paths (keys, policies, APIs)
 * validate with it, the gateway compiles with it.
 */
import { RE2JS } from 're2js';

/** A compiled pattern, anchored at the start of the path under the listen path. */
export interface UrlPattern {
  test(path: string): boolean;
}

/** What a pattern that cannot be compiled becomes: it never matches. */
export const NEVER: UrlPattern = { test: () => false };

/** Tyk's `{name}` placeholders match one path segment; quantifiers such as `{2}` or `{1,3}` are left alone. */
const PLACEHOLDER = /\{[A-Za-z_][A-Za-z0-9_.-]*\}/g;

function withPlaceholders(pattern: string): string {
  return pattern.indexOf('{') < 0 ? pattern : pattern.replace(PLACEHOLDER, '[^/]+');
}

/** Why RE2 cannot compile `pattern`, or null when it can. The write paths answer 400 with it. */
export function urlPatternError(pattern: string): string | null {
  try {
    RE2JS.compile(withPlaceholders(pattern));
    return null;
  } catch (err) {
    return `is not a valid RE2 pattern (${err instanceof Error ? err.message : String(err)})`;
  }
}

/** Compiled patterns by source, shared by every key, policy and API of the process. */
const compiled = new Map<string, UrlPattern>();
const MAX_CACHED = 20_000;

function cached(key: string, build: () => UrlPattern): UrlPattern {
  let p = compiled.get(key);
  if (p === undefined) {
    if (compiled.size >= MAX_CACHED) compiled.clear();
    p = build();
    compiled.set(key, p);
  }
  return p;
}

/**
 * Compiles a stored pattern, matched from the start of the path. A pattern RE2
 * cannot compile (written before write-time validation) never matches;
 * `onInvalid` hears about it once per pattern (compiled patterns are cached).
 */
export function compileUrlPattern(pattern: string, onInvalid?: (pattern: string, reason: string) => void): UrlPattern {
  return cached(`r:${pattern}`, () => {
    const reason = urlPatternError(pattern);
    if (reason !== null) {
      onInvalid?.(pattern, reason);
      return NEVER;
    }
    // Compiled alone first (above), so the pattern cannot close the group it is wrapped in.
    return RE2JS.compile(`^(?:${withPlaceholders(pattern)})`);
  });
}

/**
 * An OpenAPI path template ("/users/{id}/a.json"): literal text, `{name}`
 * matching one segment, matched as the whole path.
 */
export function compilePathTemplate(template: string): UrlPattern {
  return cached(`t:${template}`, () => {
    const source = template
      .split(PLACEHOLDER)
      .map((part) => (part === '' ? '' : RE2JS.quote(part)))
      .join('[^/]+');
    return RE2JS.compile(`^${source}$`);
  });
}
