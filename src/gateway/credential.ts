/** Where a request carries its key: the API's header (raw or `Bearer <key>`), else its query parameter, else its cookie. */

/** The key in a credential header value; undefined when empty. */
export function credentialFromHeader(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let credential = value;
  if (credential.length > 7 && credential.slice(0, 7).toLowerCase() === 'bearer ') credential = credential.slice(7).trim();
  return credential === '' ? undefined : credential;
}

/**
 * The key in the query string (`search`, with its "?"), when the API takes one
 * there, and the query string to forward (without it when the API strips it).
 */
export function credentialFromQuery(search: string, param: string | undefined, strip: boolean): { credential: string | undefined; search: string } {
  if (param === undefined || search === '') return { credential: undefined, search };
  const params = new URLSearchParams(search.slice(1));
  const value = params.get(param) ?? undefined;
  if (value === undefined || !strip) return { credential: value === '' ? undefined : value, search };
  params.delete(param);
  const rest = params.toString();
  return { credential: value === '' ? undefined : value, search: rest === '' ? '' : `?${rest}` };
}

/**
 * The key in the cookie named `name` (the `Cookie` request header's value),
 * and, when the API strips it, the cookie header to forward without it
 * (undefined when nothing is left of it).
 */
export function credentialFromCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined || header === '') return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // Left as sent.
    }
    return value === '' ? undefined : value;
  }
  return undefined;
}

/** A `Cookie` header without the cookie `name`; undefined when nothing else is left. */
export function withoutCookie(header: string, name: string): string | undefined {
  const kept = header
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '' && p.slice(0, Math.max(p.indexOf('='), 0)).trim() !== name);
  return kept.length === 0 ? undefined : kept.join('; ');
}
