import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface BenchDatabase {
  name: 'SQLite' | 'PostgreSQL';
  url: string;
  drop(): Promise<void>;
}

/**
 * The databases a scenario runs on: a fresh SQLite file always, and a fresh
 * PostgreSQL database when PORTCULLIS_BENCH_POSTGRES_URL (default: the local
 * server every developer and CI machine has) answers.
 */
export async function benchDatabases(): Promise<(() => Promise<BenchDatabase>)[]> {
  const out: (() => Promise<BenchDatabase>)[] = [
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'portcullis-bench-'));
      return { name: 'SQLite', url: `sqlite:${join(dir, 'bench.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ];
  const base = process.env.PORTCULLIS_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (process.env.PORTCULLIS_BENCH_POSTGRES_URL === '') return out;
  try {
    const c = new pg.Client({ connectionString: base, connectionTimeoutMillis: 2000 });
    await c.connect();
    await c.end();
  } catch {
    console.log(`(PostgreSQL at ${base.replace(/\/\/[^@]*@/, '//')} does not answer: SQLite only)`);
    return out;
  }
  out.push(async () => {
    const name = `portcullis_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      name: 'PostgreSQL',
      url: url.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  });
  return out;
}

export function newId(): string {
  return randomBytes(16).toString('hex');
}
