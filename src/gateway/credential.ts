/** Where a request carries its key: the API's header (raw or `Bearer <key>`), else its query parameter. */

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
