import { Invalid } from '../errors.js';
import type { Json } from './definitions.js';

/**
 * Tyk's OAS import and PATCH (/api/apis/oas/import, PATCH /api/apis/oas/{id}):
 * a plain OpenAPI document gets the x-tyk-api-gateway extension built for it,
 * and the query parameters Tyk defines set the fields they name.
 */
export interface ImportOptions {
  upstreamURL?: string;
  listenPath?: string;
  authentication?: boolean;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "Pet Store API" → "/pet-store-api/": Tyk's default listen path is the title, lower-cased and dashed. */
function listenPathOf(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `/${slug === '' ? 'api' : slug}/`;
}

/** The first absolute server URL of the document, as the upstream when none is given. */
function firstServerUrl(doc: Json): string | undefined {
  const servers = doc.servers;
  if (!Array.isArray(servers)) return undefined;
  for (const s of servers) if (isObject(s) && typeof s.url === 'string' && /^https?:\/\//.test(s.url)) return s.url;
  return undefined;
}

/**
 * The document with its x-tyk-api-gateway: `extension` (the document's own, or
 * on PATCH the stored one when the document carries none), else one built from
 * the document (name from info.title, upstream from the first server, listen
 * path from the title); then the query options override what they name.
 */
export function withTykExtension(doc: Json, options: ImportOptions, extension?: Json): Json {
  if (typeof doc.url === 'string' && doc.openapi === undefined) {
    // Fetching a document from an address the client names would let any API writer make this server call out anywhere.
    throw new Invalid('url', 'importing from a URL is not supported: send the OpenAPI document itself');
  }
  const info = isObject(doc.info) ? doc.info : {};
  const title = typeof info.title === 'string' && info.title.trim() !== '' ? info.title.trim() : undefined;
  const given = isObject(doc['x-tyk-api-gateway']) ? doc['x-tyk-api-gateway'] : extension;
  const x: Json = given ? structuredClone(given) : {};
  const xInfo: Json = isObject(x.info) ? x.info : {};
  if (typeof xInfo.name !== 'string' || xInfo.name.trim() === '') {
    if (title === undefined) throw new Invalid('info.title', 'is required to name the API (or send x-tyk-api-gateway.info.name)');
    xInfo.name = title;
  }
  xInfo.state = { active: true, ...(isObject(xInfo.state) ? xInfo.state : {}) };
  x.info = xInfo;
  const upstream: Json = isObject(x.upstream) ? x.upstream : {};
  const url = options.upstreamURL ?? (typeof upstream.url === 'string' ? upstream.url : firstServerUrl(doc));
  if (url === undefined) throw new Invalid('upstreamURL', 'is required when the document has no absolute server URL');
  x.upstream = { ...upstream, url };
  const server: Json = isObject(x.server) ? x.server : {};
  const lp: Json = isObject(server.listenPath) ? server.listenPath : {};
  const value = options.listenPath ?? (typeof lp.value === 'string' ? lp.value : listenPathOf(String(xInfo.name)));
  server.listenPath = { strip: true, ...lp, value };
  if (options.authentication !== undefined) {
    server.authentication = { ...(isObject(server.authentication) ? server.authentication : {}), enabled: options.authentication };
  }
  x.server = server;
  const out: Json = { ...doc, 'x-tyk-api-gateway': x };
  delete out.url;
  return out;
}

/** The document a client downloads: mode=public leaves out the Tyk extension. */
export function exportedDocument(stored: Json, mode: 'public' | undefined): Json {
  if (mode !== 'public') return stored;
  const out: Json = { ...stored };
  delete out['x-tyk-api-gateway'];
  return out;
}
