import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startGatewayProcess } from '../lib/gateway.js';
import { middle } from '../lib/load.js';
import { round, table } from '../lib/measure.js';
import { cpuSeconds, processTree, type Listening } from '../lib/process.js';
import { startServer } from '../lib/server.js';
import { startUpstream } from '../lib/upstream.js';

/*
 * What MCP analytics costs (docs/gateway.md, "MCP servers"): the same JSON-RPC
 * POST through one gateway worker to two keyed Classic APIs on the same
 * upstream, one an MCP server (`is_mcp`: its body is scanned as it passes,
 * its records carry method and primitive), the other not (its body is never
 * looked at). A small tools/call and one with 16 KiB of arguments.
 * Knobs: PORTCULLIS_BENCH_SECONDS (default 5), PORTCULLIS_BENCH_ROUNDS (3),
 * PORTCULLIS_BENCH_CONNECTIONS (50).
 */

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number`);
  return v;
};

interface Row {
  label: string;
  url: string;
  body: string;
  rps: number[];
  cpu: number[];
}

async function post<T>(url: string, key: string | undefined, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: key } : {}) }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export async function run(): Promise<void> {
  const seconds = num('PORTCULLIS_BENCH_SECONDS', 5);
  const rounds = Math.max(1, Math.round(num('PORTCULLIS_BENCH_ROUNDS', 3)));
  const connections = Math.max(1, Math.round(num('PORTCULLIS_BENCH_CONNECTIONS', 50)));
  const cores = cpus();
  console.log(
    `\nMCP analytics: ${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown'}), load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; ${connections} connections, ${rounds} interleaved ${seconds} s runs per figure (median)`,
  );
  const dbDir = mkdtempSync(join(tmpdir(), 'portcullis-bench-mcp-'));
  const databaseUrl = `sqlite:${join(dbDir, 'bench.db')}`;
  const started: Listening[] = [];
  let control: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const upstream = await startUpstream();
    started.push(upstream);
    control = await startServer({ PORTCULLIS_DATABASE_URL: databaseUrl });
    const boot = await post<{ data: { api_token: string } }>(`${control.url}/portal-api/bootstrap`, undefined, {
      username: 'bench@example.com',
      password: 'bench-password-1',
      first_name: 'B',
      last_name: 'B',
    });
    const admin = boot.data.api_token;
    const api = (name: string, listenPath: string, mcp: boolean) =>
      post<{ ID: string }>(`${control!.url}/api/apis`, admin, {
        api_definition: { name, proxy: { listen_path: listenPath, target_url: upstream.url, strip_listen_path: true }, auth: { auth_header_name: 'Authorization' }, ...(mcp ? { is_mcp: true } : {}) },
      });
    const plain = await api('Bench JSON-RPC', '/plain/', false);
    const mcp = await api('Bench MCP', '/mcp/', true);
    const right = (id: string) => ({ api_id: id, versions: ['Default'], allowed_urls: [] });
    const { key } = await post<{ key: string }>(`${control.url}/api/keys`, admin, {
      alias: 'bench',
      rate: 1_000_000_000,
      per: 1,
      quota_max: 1_000_000_000,
      quota_renewal_rate: 86_400,
      access_rights: { [plain.ID]: right(plain.ID), [mcp.ID]: right(mcp.ID) },
    });
    const gw = await startGatewayProcess(databaseUrl, 1);
    started.push(gw);

    const small = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get_weather', arguments: { city: 'Oslo', units: 'metric' } } });
    const large = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'summarise', arguments: { text: 'x'.repeat(16 * 1024) } } });
    const rows: Row[] = [
      { label: 'tools/call, 120 B: plain API', url: `${gw.url}/plain/mcp`, body: small, rps: [], cpu: [] },
      { label: 'tools/call, 120 B: MCP API', url: `${gw.url}/mcp/mcp`, body: small, rps: [], cpu: [] },
      { label: 'tools/call, 16 KiB: plain API', url: `${gw.url}/plain/mcp`, body: large, rps: [], cpu: [] },
      { label: 'tools/call, 16 KiB: MCP API', url: `${gw.url}/mcp/mcp`, body: large, rps: [], cpu: [] },
    ];
    const headers = { authorization: key, 'content-type': 'application/json' };
    const fire = async (r: Row, duration: number) => {
      const out = await autocannon({ url: r.url, method: 'POST', headers, body: r.body, duration, connections });
      if (out.non2xx > 0 || out.errors > 0) throw new Error(`${r.url}: ${out.non2xx} non-2xx answers and ${out.errors} errors under load`);
      return out;
    };
    for (let i = 0; i < 100; i++) {
      const probe = await fetch(rows[1]!.url, { method: 'POST', headers, body: small });
      await probe.arrayBuffer();
      if (probe.ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const r of rows) await fire(r, 2);
    for (let i = 0; i < rounds; i++) {
      for (const r of rows) {
        const pids = processTree(gw.pid);
        const before = cpuSeconds(pids);
        const out = await fire(r, seconds);
        r.rps.push(out.requests.average);
        r.cpu.push(((cpuSeconds(pids) - before) / Math.max(1, out.requests.total)) * 1e6);
      }
    }
    table(
      `MCP analytics: gateway --workers 1, ${connections} connections, median of ${rounds} interleaved ${seconds} s runs; CPU = the gateway's CPU time per request`,
      ['target', 'req/s', 'CPU µs/req', 'MCP ÷ plain (req/s)'],
      rows.map((r, i) => [r.label, round(middle(r.rps), 0), round(middle(r.cpu), 0), i % 2 === 1 ? round(middle(r.rps) / middle(rows[i - 1]!.rps)) : '']),
    );
    // The figures are only worth something if the MCP records were really written with their primitive.
    await new Promise((r) => setTimeout(r, 2000));
    const d = new Date();
    const today = `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
    const res = await fetch(`${control.url}/api/activity/mcp/primitives/${today}/${today}?group_by=mcp_primitive`, { headers: { authorization: admin } });
    const { data } = (await res.json()) as { data: { id: { mcp_primitive_name: string }; hits: number }[] };
    console.log(`MCP records written: ${data.map((x) => `${x.id.mcp_primitive_name} ${x.hits}`).join(', ') || 'none'}`);
  } finally {
    for (const p of started.reverse()) await p.stop().catch(() => undefined);
    await control?.stop();
    rmSync(dbDir, { recursive: true, force: true });
  }
}
