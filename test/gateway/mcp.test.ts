import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMcpApi, JsonRpcHead, SCAN_LIMIT, type McpCall } from '../../src/gateway/mcp.js';

/*
 * The gateway's MCP step without a socket: which APIs are MCP servers, and the
 * incremental scanner that reads a JSON-RPC request's method and primitive as
 * its bytes pass. test/tyk/activity-mcp.test.ts drives it through the gateway.
 */

/** Feeds `body` cut at the given offsets. */
function scan(body: string | Buffer, cuts: number[] = []): McpCall | undefined {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const head = new JsonRpcHead();
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b).concat(bytes.length)) {
    head.feed(bytes.subarray(at, cut));
    at = cut;
  }
  return head.result();
}

/** Every way of cutting `body` in two, and byte by byte: always the same answer. */
function scanEveryWay(body: string): McpCall | undefined {
  const whole = scan(body);
  const bytes = Buffer.from(body);
  for (let i = 0; i <= bytes.length; i++) expect(scan(bytes, [i]), `cut at ${i}`).toEqual(whole);
  expect(scan(bytes, [...Array(bytes.length).keys()])).toEqual(whole);
  return whole;
}

describe('MCP requests: method and primitive', () => {
  it('reads tools/call, resources/read and prompts/get, and methods that invoke no primitive', () => {
    expect(scanEveryWay('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"weather","arguments":{"city":"Oslo"}}}')).toEqual({
      method: 'tools/call',
      primitiveType: 'tool',
      primitiveName: 'weather',
    });
    expect(scanEveryWay('{"jsonrpc":"2.0","id":2,"method":"resources/read","params":{"uri":"file:///a b.txt"}}')).toEqual({
      method: 'resources/read',
      primitiveType: 'resource',
      primitiveName: 'file:///a b.txt',
    });
    expect(scanEveryWay('{"jsonrpc":"2.0","id":3,"method":"prompts/get","params":{"name":"greeting"}}')).toEqual({ method: 'prompts/get', primitiveType: 'prompt', primitiveName: 'greeting' });
    expect(scanEveryWay('{"jsonrpc":"2.0","id":4,"method":"initialize","params":{"name":"not a primitive"}}')).toEqual({ method: 'initialize', primitiveType: '', primitiveName: '' });
    expect(scanEveryWay('{"jsonrpc":"2.0","method":"notifications/initialized"}')).toEqual({ method: 'notifications/initialized', primitiveType: '', primitiveName: '' });
    // Names of Object.prototype's members are methods like any other.
    for (const method of ['toString', '__proto__', 'constructor']) expect(scan(JSON.stringify({ method, params: { name: 'x' } }))).toEqual({ method, primitiveType: '', primitiveName: '' });
  });

  it('finds them in any order, past look-alikes in nested values and strings, through escapes and white space', () => {
    const body = ` {\n "params" : { "arguments" : { "name" : "decoy", "uri": "x" }, "meta": ["name", {"name":"no"}], "text": "\\"name\\": \\"no\\" }{",\n "na\\u006de" : "caf\\u00e9 \\"quoted\\"" } ,"id":"a","method" : "tools\\/call" } `;
    expect(scanEveryWay(body)).toEqual({ method: 'tools/call', primitiveType: 'tool', primitiveName: 'café "quoted"' });
    expect(scanEveryWay('{"method":"tools/call","params":{"name":"日本語ツール"}}')).toEqual({ method: 'tools/call', primitiveType: 'tool', primitiveName: '日本語ツール' });
  });

  it('records a method without a name when the name is missing, not a string, too long or past the scan limit', () => {
    const tool = { method: 'tools/call', primitiveType: 'tool', primitiveName: '' };
    expect(scan('{"method":"tools/call"}')).toEqual(tool);
    expect(scan('{"method":"tools/call","params":{"name":42}}')).toEqual(tool);
    expect(scan('{"method":"tools/call","params":["weather"]}')).toEqual(tool);
    expect(scan(JSON.stringify({ method: 'tools/call', params: { name: 'n'.repeat(2000) } }))).toEqual(tool);
    expect(scan(JSON.stringify({ method: 'tools/call', params: { arguments: { text: 'x'.repeat(SCAN_LIMIT) }, name: 'far' } }))).toEqual(tool);
    // Within the limit it is found, however large the body beyond.
    expect(scan(JSON.stringify({ method: 'tools/call', params: { name: 'near', arguments: { text: 'x'.repeat(4 * SCAN_LIMIT) } } }))).toEqual({ ...tool, primitiveName: 'near' });
  });

  it('records nothing for what is not one JSON-RPC request: a batch, a response, other JSON, not JSON', () => {
    expect(scan('[{"method":"tools/call","params":{"name":"a"}}]')).toBeUndefined();
    expect(scan('{"jsonrpc":"2.0","id":1,"result":{"method":"tools/call"}}')).toBeUndefined();
    expect(scan('"tools/call"')).toBeUndefined();
    expect(scan('42')).toBeUndefined();
    expect(scan('method=tools/call')).toBeUndefined();
    expect(scan('')).toBeUndefined();
    expect(scan(`${'['.repeat(100)}`)).toBeUndefined();
    expect(scan(`{"a":${'['.repeat(100)}`)).toBeUndefined();
  });

  it('agrees with JSON.parse on random requests, cut anywhere', () => {
    // At most 20 code points: escaped, within the 128 bytes a method may take.
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    const extra = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 });
    const request = fc.record({
      method: fc.oneof(fc.constantFrom('tools/call', 'resources/read', 'prompts/get', 'initialize', 'tools/list', 'toString', '__proto__'), text),
      params: fc.option(fc.record({ name: fc.option(text, { nil: undefined }), uri: fc.option(text, { nil: undefined }), rest: extra }), { nil: undefined }),
      rest: extra,
      id: fc.oneof(fc.integer(), fc.string({ maxLength: 5 })),
    });
    fc.assert(
      fc.property(request, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (r, cuts, methodLast) => {
        const params = r.params === undefined ? undefined : { ...withoutKeys(r.params.rest, ['name', 'uri']), ...(r.params.name === undefined ? {} : { name: r.params.name }), ...(r.params.uri === undefined ? {} : { uri: r.params.uri }) };
        const rest = withoutKeys(r.rest, ['method', 'params']);
        const msg = methodLast ? { ...rest, id: r.id, ...(params ? { params } : {}), method: r.method } : { method: r.method, ...rest, id: r.id, ...(params ? { params } : {}) };
        const body = Buffer.from(JSON.stringify(msg));
        const field = FIELDS.get(r.method);
        const type = TYPES.get(r.method) ?? '';
        const expected = { method: r.method, primitiveType: type, primitiveName: field === undefined ? '' : (params?.[field] ?? '') };
        expect(scan(body, cuts.map((c) => c % (body.length + 1)))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

const FIELDS = new Map<string, 'name' | 'uri'>([
  ['tools/call', 'name'],
  ['prompts/get', 'name'],
  ['resources/read', 'uri'],
]);
const TYPES = new Map([
  ['tools/call', 'tool'],
  ['prompts/get', 'prompt'],
  ['resources/read', 'resource'],
]);

function withoutKeys(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

describe('which APIs are MCP servers', () => {
  it("an OAS API whose x-tyk-api-gateway middleware holds Tyk's MCP sections; a Classic API with is_mcp", () => {
    const oas = (middleware: unknown) => ({ openapi: '3.0.3', 'x-tyk-api-gateway': { middleware } });
    expect(isMcpApi({}, oas({ mcpTools: {} }))).toBe(true);
    expect(isMcpApi({}, oas({ mcpPrompts: { greeting: {} } }))).toBe(true);
    expect(isMcpApi({}, oas({ mcpResources: {} }))).toBe(true);
    expect(isMcpApi({}, oas({ global: {}, operations: {} }))).toBe(false);
    expect(isMcpApi({}, oas({ mcpTools: true }))).toBe(false);
    expect(isMcpApi({}, { openapi: '3.0.3' })).toBe(false);
    expect(isMcpApi({}, undefined)).toBe(false);
    expect(isMcpApi({ is_mcp: true }, undefined)).toBe(true);
    expect(isMcpApi({ is_mcp: 'true' }, undefined)).toBe(false);
  });
});
