import { describe, expect, it } from 'vitest';
import { admitKey, API_DISALLOWED, EXPIRED_KEY, isRefusal, limitRefusal, RESOURCE_DISALLOWED, UNKNOWN_KEY } from '../../src/gateway/admission.js';
import { credentialFromHeader, credentialFromQuery } from '../../src/gateway/credential.js';
import { readRequestHeaders, responseHeaders, type ForwardedRequest } from '../../src/gateway/headers.js';
import { normalizePath, type ResolvedPath } from '../../src/gateway/path.js';
import { resolveKey } from '../../src/gateway/resolved-key.js';
import { gatewayApiOf, timeoutFor, type ApiRow } from '../../src/gateway/routing.js';
import { compilePathTemplate, compileUrlPattern, urlPatternError } from '../../src/gateway/url-patterns.js';
import { handshakeProblem, websocketAccept } from '../../src/gateway/websocket.js';

/** The gateway's pure steps, each without a socket (the end-to-end cases are in gateway.test.ts and hardening.test.ts). */

const KEY = { id: 1, rate: 0, per: 0, quota_max: 0, quota_renewal_rate: 0, expires: 0, is_inactive: 0, owner_user_id: null, owner_active: null };

function keyWith(allowed: { url: string; methods: string[] }[], onInvalid?: (p: string, r: string) => void) {
  return resolveKey('h', KEY, [], [{ api_id: 'api', policy_id: null, rights: JSON.stringify({ versions: [], allowed_urls: allowed, limit: null }) }], onInvalid);
}

describe('path normalisation', () => {
  const resolved = (raw: string) => normalizePath(raw) as ResolvedPath;

  it('returns the very same string when there is nothing to do', () => {
    const raw = '/shop/items/7';
    expect(normalizePath(raw)).toBe(raw);
  });

  it.each([
    ['/a/./b', '/a/b'],
    ['/a/b/../c', '/a/c'],
    ['/a/%2e%2e/b', '/b'],
    ['/a/%2E./b', '/b'],
    ['/a/.%2e/', '/'],
    ['/a/b/..', '/a/'],
    ['/a/b/.', '/a/b/'],
    ['/a//b///c/', '/a/b/c/'],
    ['/%7Eme/%41%62%2D%5f', '/~me/Ab-_'],
    ['/files/a%2fb/%2F', '/files/a%2fb/%2F'],
    ['/q%3Fx/%25', '/q%3Fx/%25'],
    ['/.well-known/x', '/.well-known/x'],
    ['/a/...', '/a/...'],
  ])('%s → %s', (raw, want) => {
    expect(resolved(raw)).toMatchObject({ path: want, error: null });
  });

  it('reports how low a ".." climbed, for the listen path check', () => {
    expect(resolved('/gw/public/../../admin/x')).toMatchObject({ path: '/admin/x', floor: 0 });
    expect(resolved('/gw/a/../b')).toMatchObject({ path: '/gw/b', floor: 1 });
    expect(resolved('/gw/./b')).toMatchObject({ floor: -1 });
  });

  it.each(['/..', '/a/../..', '/%2e%2e/x', '/a\\b', '/a%5cb', '/a%5C..', '/%zz', '/a%2', '/a/..;x/b', 'http://x/a', '*'])('refuses %s', (raw) => {
    expect(resolved(raw).error).toEqual(expect.any(String));
  });
});

describe('URL patterns', () => {
  it('match in linear time, from the start of the path', () => {
    const evil = compileUrlPattern('/(a+)+$');
    expect(evil.test(`/${'a'.repeat(100_000)}!`)).toBe(false);
    expect(evil.test('/aaa')).toBe(true);
    expect(compileUrlPattern('/items').test('/x/items')).toBe(false);
    expect(compileUrlPattern('/users/{id}$').test('/users/7')).toBe(true);
    expect(compileUrlPattern('/users/{id}$').test('/users/7/x')).toBe(false);
    expect(compileUrlPattern('/a{2}$').test('/aa')).toBe(true);
  });

  it('are RE2: what RE2 cannot compile is reported, and never matches when stored', () => {
    expect(urlPatternError('/(a+)+$')).toBeNull();
    for (const bad of ['(?=x)', '(?<!x)y', '(a)\\1', '(', 'a)|(b']) expect(urlPatternError(bad), bad).toMatch(/RE2/);
    const heard: string[] = [];
    const key = keyWith([{ url: '/ok(?=x)', methods: [] }], (p) => heard.push(p));
    expect(admitKey(key, 'api', 'GET', '/okx', 0)).toBe(RESOURCE_DISALLOWED);
    // Compiled once per pattern: the second key over the same pattern does not log again.
    keyWith([{ url: '/ok(?=x)', methods: [] }], (p) => heard.push(p));
    expect(heard).toEqual(['/ok(?=x)']);
  });

  it('takes OpenAPI paths as literal templates', () => {
    const p = compilePathTemplate('/files/{name}.json');
    expect(p.test('/files/a.json')).toBe(true);
    expect(p.test('/files/aXjson')).toBe(false);
    expect(p.test('/files/a.json/x')).toBe(false);
  });

  it('time out by RE2 hard_timeouts read from the definition', () => {
    const row: ApiRow = {
      api_id: 'x',
      name: 'x',
      kind: 'classic',
      listen_path: '/x/',
      target_url: 'http://127.0.0.1:1',
      use_keyless: 1,
      oas: null,
      definition: JSON.stringify({ enable_websockets: true, version_data: { versions: { D: { extended_paths: { hard_timeouts: [{ path: '/(a+)+$', method: 'GET', timeout: 2 }, { path: '(?=x)', timeout: 3 }] } } } } }),
    };
    const api = gatewayApiOf(row)!;
    expect(api.websockets).toBe(true);
    expect(timeoutFor(api, 'GET', `/${'a'.repeat(50_000)}!`, 30_000)).toBe(30_000);
    expect(timeoutFor(api, 'GET', '/aa', 30_000)).toBe(2000);
    expect(gatewayApiOf({ ...row, definition: '{}' })!.websockets).toBe(false);
  });
});

describe('admission', () => {
  it('refuses unknown, inactive, expired keys and keys without the API or the resource', () => {
    expect(admitKey(null, 'api', 'GET', '/', 0)).toBe(UNKNOWN_KEY);
    const inactive = resolveKey('h', { ...KEY, is_inactive: 1 }, [], []);
    expect(admitKey(inactive, 'api', 'GET', '/', 0)).toMatchObject({ status: 403, body: JSON.stringify({ error: 'Key is inactive, please renew' }) });
    const expired = resolveKey('h', { ...KEY, expires: 100 }, [], []);
    expect(admitKey(expired, 'api', 'GET', '/', 100)).toBe(EXPIRED_KEY);
    const key = keyWith([{ url: '^/public', methods: ['GET'] }]);
    expect(admitKey(key, 'other', 'GET', '/public', 0)).toBe(API_DISALLOWED);
    expect(admitKey(key, 'api', 'POST', '/public', 0)).toBe(RESOURCE_DISALLOWED);
    expect(admitKey(key, 'api', 'GET', '/private', 0)).toBe(RESOURCE_DISALLOWED);
    expect(isRefusal(admitKey(key, 'api', 'GET', '/public/x', 0))).toBe(false);
  });

  it('turns counter verdicts into 429 and 403 answers', () => {
    const base = { rateRemaining: 0, rateReset: 5, retryAfter: 3, quotaRemaining: 0, quotaRenews: 2_000_000_000 };
    expect(limitRefusal({ ...base, verdict: 0 }, 3, 0)).toBeNull();
    expect(limitRefusal({ ...base, verdict: 1 }, 3, 1_000_000)).toMatchObject({ status: 429, headers: { 'retry-after': 3, 'x-ratelimit-limit': 3, 'x-ratelimit-reset': 1005 } });
    expect(limitRefusal({ ...base, verdict: 2 }, 0, 0)).toMatchObject({ status: 403, headers: { 'x-quota-renews': 2_000_000_000 } });
  });
});

describe('credentials and headers', () => {
  it('reads the key raw or as a Bearer token, or from the query parameter (stripped when asked)', () => {
    expect(credentialFromHeader('Bearer abc')).toBe('abc');
    expect(credentialFromHeader('abc')).toBe('abc');
    expect(credentialFromHeader('')).toBeUndefined();
    expect(credentialFromQuery('?k=abc&q=1', 'k', true)).toEqual({ credential: 'abc', search: '?q=1' });
    expect(credentialFromQuery('?k=abc', 'k', false)).toEqual({ credential: 'abc', search: '?k=abc' });
    expect(credentialFromQuery('?q=1', undefined, true)).toEqual({ credential: undefined, search: '?q=1' });
  });

  it('drops hop-by-hop headers both ways and sets X-Forwarded-*', () => {
    const into: ForwardedRequest = { headers: [], credential: undefined, hasBody: false, contentLength: 0 };
    readRequestHeaders(['Host', 'h.example', 'Connection', 'Upgrade, X-Drop', 'Upgrade', 'websocket', 'X-Drop', '1', 'Authorization', 'k', 'Sec-WebSocket-Key', 's', 'Content-Length', '3'], 'authorization', true, '10.0.0.1', into);
    expect(into.credential).toBe('k');
    expect(into.hasBody).toBe(true);
    expect(into.headers).toEqual(['Sec-WebSocket-Key', 's', 'Content-Length', '3', 'x-forwarded-for', '10.0.0.1', 'x-forwarded-host', 'h.example', 'x-forwarded-proto', 'http']);
    expect(responseHeaders({ 'content-type': 'a', connection: 'x-hop', 'x-hop': '1', 'keep-alive': 't', upgrade: 'websocket' })).toEqual({ 'content-type': 'a' });
  });
});

describe('WebSocket handshakes', () => {
  const good = { connection: 'keep-alive, Upgrade', upgrade: 'WebSocket', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'sec-websocket-version': '13' };

  it('accepts only a well-formed RFC 6455 handshake', () => {
    expect(handshakeProblem('GET', good)).toBeNull();
    expect(handshakeProblem('POST', good)).toMatch(/GET/);
    expect(handshakeProblem('GET', { ...good, upgrade: 'h2c' })).toMatch(/WebSocket/);
    expect(handshakeProblem('GET', { ...good, 'sec-websocket-key': undefined })).toMatch(/Key/);
    expect(handshakeProblem('GET', { ...good, 'sec-websocket-key': 'abc' })).toMatch(/Key/);
    expect(handshakeProblem('GET', { ...good, 'sec-websocket-version': '8' })).toMatch(/Version/);
  });

  it('computes the accept value of RFC 6455 §1.3', () => {
    expect(websocketAccept('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });
});
