import { createServer } from 'node:http';
import { expect } from 'vitest';
import type { BrowserHarness } from './harness.js';

/** An upstream for gateway traffic: answers every request 200 with `{"forecast":"sunny","path":<its path>}`. */
export async function startUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ forecast: 'sunny', path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Live Portal's API as a consumer's browser calls it (session cookie, same origin): status and body. */
export async function asConsumer<T>(h: BrowserHarness, cookie: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${h.url}/portal/api${path}`, {
    method,
    headers: { cookie, origin: h.url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

/** As asConsumer, expecting 200: the body. */
export async function consumerOk<T>(h: BrowserHarness, cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await asConsumer<T>(h, cookie, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}
