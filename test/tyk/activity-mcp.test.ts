import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/gateway/index.js';
import { createKey, createProxiedApi, eventually, gatewayFor, rights, send } from '../gateway/helpers.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createGroup, createUser, setOwners } from '../helpers/fixtures.js';

/*
 * Issue 14, item 11: Tyk's MCP activity views. Two MCP servers behind the
 * gateway — "mcp-a" (an OAS API marked as Tyk marks an MCP Proxy, owned by
 * TeamA) and "mcp-b" (a Classic API with is_mcp, owned by TeamB) — proxy
 * JSON-RPC 2.0 to a small upstream here. Real calls of tools, resources and
 * prompts go through the gateway; the views count what its records say.
 */

interface Row {
  id: { api_id: string; api_name: string; key?: string; mcp_method?: string; mcp_primitive_type?: string; mcp_primitive_name?: string; time?: string };
  hits: number;
  success: number;
  error: number;
  status_4xx: number;
  status_5xx: number;
  last_hit: string;
}

/** What the JSON-RPC upstream was sent, by request id. */
interface Seen {
  sha256: string;
  bytes: number;
}

/**
 * A JSON-RPC 2.0 MCP server: answers a result, a JSON-RPC error in a 200 for
 * the tool "broken", a 500 for the tool "crash"; every answer says the SHA-256
 * of the body it received. `firstChunk()` resolves when the next request's first bytes arrive.
 */
async function startMcpUpstream() {
  const seen = new Map<string, Seen>();
  let onFirstChunk: (() => void) | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      if (chunks.length === 0) onFirstChunk?.();
      chunks.push(c);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const sha256 = createHash('sha256').update(body).digest('hex');
      const msg = JSON.parse(body.toString()) as { id: string | number; params?: { name?: unknown } };
      seen.set(String(msg.id), { sha256, bytes: body.length });
      const answer = (status: number, out: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ jsonrpc: '2.0', id: msg.id, ...(out as object) }));
      };
      const name = msg.params?.name;
      if (name === 'broken') return answer(200, { error: { code: -32603, message: 'the tool failed' } });
      if (name === 'crash') return answer(500, { error: { code: -32603, message: 'upstream crashed' } });
      answer(200, { result: { sha256 } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    firstChunk(): Promise<void> {
      return new Promise((resolve) => {
        onFirstChunk = () => {
          onFirstChunk = undefined;
          resolve();
        };
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An MCP Proxy definition as Tyk's description gives one (POST /api/mcps's example), sent to POST /api/apis/oas. */
function mcpProxy(id: string, listenPath: string, target: string) {
  return {
    openapi: '3.0.3',
    info: { title: id, version: '1.0.0' },
    paths: {},
    components: {},
    servers: [{ url: listenPath }],
    'x-tyk-api-gateway': {
      info: { id, name: id, state: { active: true } },
      server: { listenPath: { strip: true, value: listenPath }, authentication: { enabled: true, securitySchemes: { authToken: { enabled: true } } } },
      upstream: { url: target },
      middleware: { global: { contextVariables: { enabled: true }, trafficLogs: { enabled: true } }, mcpTools: {}, operations: {} },
    },
  };
}

function day(offset: number): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}
/** Yesterday to tomorrow: the calls are made now, whatever the hour. */
const RANGE = `${day(-1)}/${day(1)}`;

/** `method|type|name` → [hits, success, error]. */
function figures(rows: Row[]): Record<string, [number, number, number]> {
  return Object.fromEntries(rows.map((r) => [`${r.id.mcp_method}|${r.id.mcp_primitive_type}|${r.id.mcp_primitive_name}`, [r.hits, r.success, r.error]]));
}

describe("Tyk's MCP activity views (/api/activity/mcp/...)", () => {
  let t: TestApp;
  let root: string;
  let analystA: string;
  let analystB: string;
  let up: Awaited<ReturnType<typeof startMcpUpstream>>;
  let gw: RunningGateway;
  const apiA = 'mcp-a';
  let apiB = '';
  let apiPlain = '';
  let keyA = { key: '', hash: '' };
  let keyB = { key: '', hash: '' };
  let keyAB = { key: '', hash: '' };
  let keyRated = { key: '', hash: '' };
  let nextId = 1;

  /** One JSON-RPC call through the gateway; `raw` sends that body instead. */
  async function call(path: string, key: string | undefined, method: string, params?: Record<string, unknown>, raw?: string) {
    const id = nextId++;
    const body = raw ?? JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
    const res = await send(gw.url, path, { method: 'POST', headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { authorization: key }) }, body });
    return { ...res, sent: body };
  }

  const get = async (url: string, key = root) => {
    const res = await t.request('GET', url, { key });
    return { status: res.statusCode, body: res.body, json: () => res.json() as { data: Row[]; pages: number } };
  };

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true' });
    root = await t.bootstrap();
    up = await startMcpUpstream();
    const perms = { analytics: 'read', owned_analytics: 'read', keys: 'read' };
    const a = await createGroup(t, root, 'TeamA', perms);
    const b = await createGroup(t, root, 'TeamB', perms);
    analystA = (await createUser(t, root, 'analyst-a@example.com', { groupId: a })).key;
    analystB = (await createUser(t, root, 'analyst-b@example.com', { groupId: b })).key;
    const created = await t.request('POST', '/api/apis/oas', { key: root, body: mcpProxy(apiA, '/mcp-a/', up.url) });
    expect(created.statusCode, created.body).toBe(200);
    apiB = await createProxiedApi(t, root, 'mcp-b', '/mcp-b/', up.url, { is_mcp: true });
    apiPlain = await createProxiedApi(t, root, 'plain', '/plain/', up.url, { use_keyless: true });
    await setOwners(t, root, apiA, [], [a]);
    await setOwners(t, root, apiB, [], [b]);
    keyA = await createKey(t, root, { alias: 'agent-a', access_rights: { [apiA]: rights(apiA) } });
    keyB = await createKey(t, root, { alias: 'agent-b', access_rights: { [apiB]: rights(apiB) } });
    keyAB = await createKey(t, root, { alias: 'agent-ab', access_rights: { [apiA]: rights(apiA), [apiB]: rights(apiB) } });
    keyRated = await createKey(t, root, { alias: 'agent-rated', access_rights: { [apiA]: rights(apiA) }, rate: 1, per: 3600 });
    gw = await gatewayFor(t);
    expect(await eventually(async () => (await send(gw.url, '/mcp-b/')).status !== 404 && (await send(gw.url, '/mcp-a/')).status !== 404, 5000)).toBeGreaterThanOrEqual(0);

    const A = '/mcp-a/mcp';
    expect((await call(A, keyA.key, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } })).status).toBe(200);
    expect((await call(A, keyA.key, 'tools/call', { name: 'weather', arguments: { city: 'Oslo' } })).status).toBe(200);
    expect((await call(A, keyA.key, 'tools/call', { name: 'weather', arguments: { city: 'Lyon' } })).status).toBe(200);
    // A JSON-RPC error in a 200: a success, as Tyk counts (an error is a 4xx or 5xx).
    const broken = await call(A, keyA.key, 'tools/call', { name: 'broken', arguments: {} });
    expect(broken.status).toBe(200);
    expect(broken.json<{ error: { code: number } }>().error.code).toBe(-32603);
    expect((await call(A, keyA.key, 'tools/call', { name: 'crash', arguments: {} })).status).toBe(500);
    expect((await call(A, keyA.key, 'resources/read', { uri: 'file:///notes.txt' })).status).toBe(200);
    expect((await call(A, keyA.key, 'prompts/get', { name: 'greeting', arguments: { who: 'Ada' } })).status).toBe(200);
    // The method after the params, escapes in the name: read all the same.
    const late = await call(A, keyA.key, '', undefined, '{"jsonrpc":"2.0","id":"late","params":{"arguments":{"name":"decoy"},"name":"weath\\u0065r"},"method":"tools/call"}');
    expect(late.status).toBe(200);
    // Refused by the gateway (rate limit, unknown key): errors of the primitive they called.
    expect((await call(A, keyRated.key, 'tools/call', { name: 'weather', arguments: {} })).status).toBe(200);
    expect((await call(A, keyRated.key, 'tools/call', { name: 'weather', arguments: {} })).status).toBe(429);
    expect((await call(A, 'no-such-key', 'tools/call', { name: 'weather', arguments: {} })).status).toBe(403);
    expect((await call(A, keyAB.key, 'prompts/get', { name: 'greeting' })).status).toBe(200);
    // A body larger than the scan reaches the upstream whole; its name is read from the head.
    const bulk = await call(A, keyA.key, 'tools/call', { name: 'bulk', arguments: { text: 'x'.repeat(300_000) } });
    expect(bulk.status).toBe(200);
    expect(bulk.json<{ result: { sha256: string } }>().result.sha256).toBe(createHash('sha256').update(bulk.sent).digest('hex'));
    // A name that comes after 64 KiB is not read: the call counts as a tool without a name.
    const hidden = await call(A, keyA.key, 'tools/call', { arguments: { text: 'y'.repeat(100_000) }, name: 'too-far' });
    expect(hidden.status).toBe(200);

    // TeamB's server.
    expect((await call('/mcp-b/mcp', keyB.key, 'tools/call', { name: 'secret-tool', arguments: {} })).status).toBe(200);
    expect((await call('/mcp-b/mcp', keyAB.key, 'tools/call', { name: 'secret-tool', arguments: {} })).status).toBe(200);
    // Not an MCP API: its JSON-RPC is plain traffic, in no MCP view.
    expect((await call('/plain/mcp', undefined, 'tools/call', { name: 'weather' })).status).toBe(200);

    // The gateway writes its records in batches: wait until all 16 MCP calls are in.
    const all = await eventually(async () => {
      const res = await get(`/api/activity/mcp/primitives/${RANGE}`);
      return res.status === 200 && res.json().data.reduce((n, r) => n + r.hits, 0) === 16;
    }, 10_000);
    expect(all).toBeGreaterThanOrEqual(0);
  });
  afterAll(async () => {
    await gw?.stop();
    await up?.close();
    await t?.close();
  });

  it('the body reaches the upstream unchanged, streamed: the upstream has its first bytes before the client sends the rest', async () => {
    const first = '{"jsonrpc":"2.0","id":"stream","method":"tools/call","params":{"name":"slow","arguments":{"text":"';
    const rest = `${'z'.repeat(10_000)}"}}}`;
    const { hostname, port } = new URL(gw.url);
    const req = httpRequest({ host: hostname, port, path: '/mcp-a/mcp', method: 'POST', headers: { authorization: keyAB.key, 'content-type': 'application/json' }, agent: false });
    const reply = once(req, 'response');
    const arrived = up.firstChunk();
    req.write(first);
    // Were the gateway holding the body, this would never resolve (the client has not finished it).
    await arrived;
    req.end(rest);
    const [res] = (await reply) as [IncomingMessage];
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    expect(res.statusCode).toBe(200);
    expect((JSON.parse(Buffer.concat(chunks).toString()) as { result: { sha256: string } }).result.sha256).toBe(createHash('sha256').update(first + rest).digest('hex'));
    expect(up.seen.get('stream')).toEqual({ sha256: createHash('sha256').update(first + rest).digest('hex'), bytes: Buffer.byteLength(first + rest) });
    expect(
      await eventually(async () => {
        const res2 = await get(`/api/activity/mcp/keys/${keyAB.hash}/${RANGE}?group_by=mcp_primitive&mcp_primitive_name=slow`);
        return res2.json().data.length === 1;
      }, 10_000),
    ).toBeGreaterThanOrEqual(0);
  });

  it('GET /api/activity/mcp/primitives/... counts each API, and each method and primitive with group_by=mcp_primitive', async () => {
    const perApi = await get(`/api/activity/mcp/primitives/${RANGE}?mcp_primitive_name=weather`);
    expect(perApi.status, perApi.body).toBe(200);
    expect(perApi.json().data.map((r) => [r.id.api_id, r.id.api_name, r.hits, r.success, r.error])).toEqual([[apiA, apiA, 6, 4, 2]]);

    const res = await get(`/api/activity/mcp/primitives/${RANGE}?group_by=mcp_primitive&api_id=${apiA}`);
    expect(res.status, res.body).toBe(200);
    const { data, pages } = res.json();
    expect(pages).toBe(1);
    expect(figures(data.filter((r) => r.id.mcp_primitive_name !== 'slow'))).toEqual({
      'initialize||': [1, 1, 0],
      'tools/call|tool|weather': [6, 4, 2],
      'tools/call|tool|broken': [1, 1, 0],
      'tools/call|tool|crash': [1, 0, 1],
      'tools/call|tool|bulk': [1, 1, 0],
      'tools/call|tool|': [1, 1, 0],
      'resources/read|resource|file:///notes.txt': [1, 1, 0],
      'prompts/get|prompt|greeting': [2, 2, 0],
    });
    // Busiest first; each row as Tyk's ResultUnit has it.
    expect(data[0]!.id).toEqual({ api_id: apiA, api_name: apiA, mcp_method: 'tools/call', mcp_primitive_type: 'tool', mcp_primitive_name: 'weather' });
    const weather = data[0] as unknown as Record<string, unknown>;
    expect(weather).toMatchObject({ status_4xx: 2, status_5xx: 0, last_hit: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    for (const f of ['latency', 'upstream_latency', 'request_time', 'max_latency', 'min_latency', 'max_upstream_latency', 'min_upstream_latency']) expect(typeof weather[f]).toBe('number');
    // The crash is a 5xx.
    expect(data.find((r) => r.id.mcp_primitive_name === 'crash')).toMatchObject({ status_5xx: 1 });
  });

  it('filters by method, primitive type and name; limits; buckets by day; leaves other APIs out', async () => {
    const prompts = await get(`/api/activity/mcp/primitives/${RANGE}?group_by=mcp_primitive&mcp_primitive_type=prompt`);
    expect(figures(prompts.json().data)).toEqual({ 'prompts/get|prompt|greeting': [2, 2, 0] });
    const reads = await get(`/api/activity/mcp/primitives/${RANGE}?group_by=mcp_primitive&mcp_method=resources/read`);
    expect(figures(reads.json().data)).toEqual({ 'resources/read|resource|file:///notes.txt': [1, 1, 0] });
    const secret = await get(`/api/activity/mcp/primitives/${RANGE}?group_by=mcp_primitive&mcp_primitive_name=secret-tool`);
    expect(secret.json().data.map((r) => [r.id.api_id, r.hits])).toEqual([[apiB, 2]]);
    const top = await get(`/api/activity/mcp/primitives/${RANGE}?group_by=mcp_primitive&limit=2`);
    expect(top.json().pages).toBe(1);
    expect(top.json().data.map((r) => r.id.mcp_primitive_name)).toEqual(['weather', expect.any(String)]);
    const byDay = await get(`/api/activity/mcp/primitives/${RANGE}?res=day&mcp_primitive_name=weather`);
    expect(byDay.json().data.every((r) => /T00:00:00\.000Z$/.test(r.id.time ?? ''))).toBe(true);
    expect(byDay.json().data.reduce((n, r) => n + r.hits, 0)).toBe(6);
    // The plain API's JSON-RPC is in no MCP view.
    const every = await get(`/api/activity/mcp/primitives/${RANGE}`);
    expect(every.json().data.map((r) => r.id.api_id).sort()).toEqual([apiA, apiB].sort());
    expect(every.body).not.toContain(apiPlain);
    // Bad filters are 400s that name the field.
    const bad = await get(`/api/activity/mcp/primitives/${RANGE}?mcp_primitive_type=widget`);
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('mcp_primitive_type');
    expect((await get(`/api/activity/mcp/primitives/${RANGE}?group_by=api`)).status).toBe(400);
    expect((await get(`/api/activity/mcp/primitives/31/2/2026/1/3/2026`)).status).toBe(400);
  });

  it('GET /api/activity/mcp/primitives/errors/... counts only the calls that answered 400 or above', async () => {
    const res = await get(`/api/activity/mcp/primitives/errors/${RANGE}?group_by=mcp_primitive`);
    expect(res.status, res.body).toBe(200);
    expect(figures(res.json().data)).toEqual({ 'tools/call|tool|weather': [2, 0, 2], 'tools/call|tool|crash': [1, 0, 1] });
    const perApi = await get(`/api/activity/mcp/primitives/errors/${RANGE}`);
    expect(perApi.json().data.map((r) => [r.id.api_id, r.hits, r.error])).toEqual([[apiA, 3, 3]]);
    const ofB = await get(`/api/activity/mcp/primitives/errors/${RANGE}?api_id=${apiB}`);
    expect(ofB.json()).toEqual({ data: [], pages: 1 });
  });

  it("GET /api/activity/mcp/keys/{keyId}/... is one key's MCP calls, by its hash or the key itself", async () => {
    const res = await get(`/api/activity/mcp/keys/${keyA.hash}/${RANGE}?group_by=mcp_primitive`);
    expect(res.status, res.body).toBe(200);
    expect(figures(res.json().data)).toEqual({
      'initialize||': [1, 1, 0],
      'tools/call|tool|weather': [3, 3, 0],
      'tools/call|tool|broken': [1, 1, 0],
      'tools/call|tool|crash': [1, 0, 1],
      'tools/call|tool|bulk': [1, 1, 0],
      'tools/call|tool|': [1, 1, 0],
      'resources/read|resource|file:///notes.txt': [1, 1, 0],
      'prompts/get|prompt|greeting': [1, 1, 0],
    });
    expect(res.json().data[0]!.id).toMatchObject({ key: keyA.hash, api_id: apiA });
    const byKey = await get(`/api/activity/mcp/keys/${keyA.key}/${RANGE}?mcp_primitive_type=tool`);
    expect(byKey.json().data.map((r) => [r.id.api_id, r.id.key, r.hits, r.error])).toEqual([[apiA, keyA.hash, 7, 1]]);
    // The rate-limited key: its refused call is there, as an error.
    const rated = await get(`/api/activity/mcp/keys/${keyRated.hash}/${RANGE}?group_by=mcp_primitive`);
    expect(figures(rated.json().data)).toEqual({ 'tools/call|tool|weather': [2, 1, 1] });
    // An administrator may name any hash (a deleted key's calls stay readable, as in the other key views).
    expect((await get(`/api/activity/mcp/keys/${'f'.repeat(64)}/${RANGE}`)).json()).toEqual({ data: [], pages: 1 });
  });

  it('an owner of another API sees nothing of it; a hidden key or API is 404 exactly like a missing one', async () => {
    const forA = await get(`/api/activity/mcp/primitives/${RANGE}?group_by=mcp_primitive`, analystA);
    expect(forA.status, forA.body).toBe(200);
    expect(new Set(forA.json().data.map((r) => r.id.api_id))).toEqual(new Set([apiA]));
    expect(forA.body).not.toContain('secret-tool');
    const forB = await get(`/api/activity/mcp/primitives/${RANGE}?group_by=mcp_primitive`, analystB);
    expect(figures(forB.json().data)).toEqual({ 'tools/call|tool|secret-tool': [2, 2, 0] });
    expect((await get(`/api/activity/mcp/primitives/errors/${RANGE}`, analystB)).json()).toEqual({ data: [], pages: 1 });
    // Naming the other team's API is 404, like an API that does not exist.
    const hiddenApi = await get(`/api/activity/mcp/primitives/${RANGE}?api_id=${apiB}`, analystA);
    const missingApi = await get(`/api/activity/mcp/primitives/${RANGE}?api_id=no-such-api`, analystA);
    expect(hiddenApi.status).toBe(404);
    expect(hiddenApi.body).toBe(missingApi.body);
    expect((await get(`/api/activity/mcp/primitives/errors/${RANGE}?api_id=${apiB}`, analystA)).status).toBe(404);
    // keyAB grants both: TeamA sees its calls on mcp-a only.
    const shared = await get(`/api/activity/mcp/keys/${keyAB.hash}/${RANGE}?group_by=mcp_primitive`, analystA);
    expect(shared.status, shared.body).toBe(200);
    expect(new Set(shared.json().data.map((r) => r.id.api_id))).toEqual(new Set([apiA]));
    expect(shared.body).not.toContain('secret-tool');
    const sharedAll = await get(`/api/activity/mcp/keys/${keyAB.hash}/${RANGE}?group_by=mcp_primitive&mcp_primitive_name=secret-tool`);
    expect(sharedAll.json().data.map((r) => [r.id.api_id, r.hits])).toEqual([[apiB, 1]]);
    // keyB is TeamB's: to TeamA it is missing, by hash or as the key.
    const hidden = await get(`/api/activity/mcp/keys/${keyB.hash}/${RANGE}`, analystA);
    const missing = await get(`/api/activity/mcp/keys/${'f'.repeat(64)}/${RANGE}`, analystA);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toBe(missing.body);
    expect((await get(`/api/activity/mcp/keys/${keyB.key}/${RANGE}`, analystA)).status).toBe(404);
    expect((await get(`/api/activity/mcp/keys/${keyB.hash}/${RANGE}`, analystB)).status).toBe(200);
    // Without the analytics permission: 403, as for every analytics view.
    const plainUser = (await createUser(t, root, 'nobody@example.com', { perms: { apis: 'read' } })).key;
    expect((await get(`/api/activity/mcp/primitives/${RANGE}`, plainUser)).status).toBe(403);
  });
});
