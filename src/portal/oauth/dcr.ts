/**
 * The provider side of dynamic client registration: discovery (the
 * registration endpoint), RFC 7591 registration with the initial access
 * token, RFC 7592 deletion with the client's registration access token.
 * Plain HTTP calls with a time limit; nothing here touches the store.
 */

const TIMEOUT_MS = 10_000;

export interface ClientMetadata {
  client_name: string;
  grant_types: string[];
  response_types: string[];
  token_endpoint_auth_method: string;
}

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  registrationClientUri: string | null;
  registrationAccessToken: string | null;
}

export class ProviderError extends Error {}

async function call(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new ProviderError(`${new URL(url).origin} did not answer (${err instanceof Error ? err.message : String(err)})`);
  }
}

async function json(res: Response, what: string): Promise<Record<string, unknown>> {
  try {
    const body = (await res.json()) as unknown;
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new ProviderError(`${what}: the provider's answer (${res.status}) is not a JSON object`);
}

/** The registration endpoint the provider's discovery document names. */
export async function registrationEndpoint(wellKnownUrl: string): Promise<string> {
  const res = await call(wellKnownUrl, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new ProviderError(`discovery: ${wellKnownUrl} answered ${res.status}`);
  const doc = await json(res, 'discovery');
  const endpoint = doc.registration_endpoint;
  if (typeof endpoint !== 'string' || !/^https?:\/\//.test(endpoint)) throw new ProviderError('discovery: the provider offers no registration_endpoint (dynamic client registration is off)');
  return endpoint;
}

/** Grant and response types as a client type names them, as RFC 7591 names them. */
export function registrationTypes(grantCsv: string, responseCsv: string): { grant_types: string[]; response_types: string[] } {
  const grants = new Set<string>();
  for (const g of grantCsv.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (g === 'pkce') grants.add('authorization_code');
    else if (g === 'device_code') grants.add('urn:ietf:params:oauth:grant-type:device_code');
    else grants.add(g);
  }
  const responses = new Set<string>();
  for (const r of responseCsv.split(',').map((x) => x.trim()).filter(Boolean)) {
    if (r === 'none') continue;
    responses.add(r === 'it_token' ? 'id_token' : r);
  }
  return { grant_types: [...grants], response_types: [...responses] };
}

export async function registerClient(endpoint: string, initialAccessToken: string, metadata: ClientMetadata): Promise<RegisteredClient> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (initialAccessToken !== '') headers.authorization = `Bearer ${initialAccessToken}`;
  const res = await call(endpoint, { method: 'POST', headers, body: JSON.stringify(metadata) });
  const body = await json(res, 'registration');
  if (res.status !== 201 && res.status !== 200) {
    const reason = typeof body.error_description === 'string' ? body.error_description : typeof body.error === 'string' ? body.error : '';
    throw new ProviderError(`registration refused (${res.status})${reason ? `: ${reason}` : ''}`);
  }
  if (typeof body.client_id !== 'string' || body.client_id === '') throw new ProviderError('registration: the provider returned no client_id');
  return {
    clientId: body.client_id,
    clientSecret: typeof body.client_secret === 'string' ? body.client_secret : '',
    registrationClientUri: typeof body.registration_client_uri === 'string' ? body.registration_client_uri : null,
    registrationAccessToken: typeof body.registration_access_token === 'string' ? body.registration_access_token : null,
  };
}

/** RFC 7592 §2.3: resolves when the provider no longer knows the client (deleted now, or already gone). */
export async function deleteClient(registrationClientUri: string, registrationAccessToken: string): Promise<void> {
  const res = await call(registrationClientUri, { method: 'DELETE', headers: { authorization: `Bearer ${registrationAccessToken}` } });
  await res.body?.cancel();
  if (res.status === 204 || res.status === 200 || res.status === 404 || res.status === 410) return;
  throw new ProviderError(`deletion refused (${res.status})`);
}
