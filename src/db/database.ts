import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
/** A repository function takes either the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface Store {
  db: Db;
  dialect: Dialect;
  /** Answers whether the database responds. */
  ping(): Promise<boolean>;
  /**
   * A value that changes whenever any row of the database changes, from this
   * process or another one; undefined where the store cannot tell cheaply
   * (PostgreSQL). Lets hot paths reuse what they read until something changes.
   */
  changeMarker(): string | undefined;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back from pg as strings; every count we read fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

export function openStore(url: string): Store {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  throw new Error(`Unsupported database URL: ${url.replace(/\/\/[^@]*@/, '//***@')}`);
}

function openSqlite(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const conn = new SQLite(path);
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  conn.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(conn) }) });
  // total_changes(): rows this connection changed; data_version: moves when another connection commits.
  const marker = conn.prepare('select total_changes() as local, (select data_version from pragma_data_version) as other');
  return {
    db,
    dialect: 'sqlite',
    changeMarker() {
      const m = marker.get() as { local: number; other: number };
      return `${m.local}:${m.other}`;
    },
    async ping() {
      try {
        conn.prepare('select 1').get();
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every query anew; preparing is a large share of a small
 * query's cost on SQLite. Statements are reusable, so keep the most recent ones
 * by their SQL text. (Statements run synchronously, so sharing one is safe.)
 */
function withStatementCache(conn: SQLite.Database, size = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  return new Proxy(conn, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') {
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      return (source: string) => {
        let stmt = cache.get(source);
        if (stmt) {
          // Refresh its place as the most recently used.
          cache.delete(source);
        } else {
          stmt = target.prepare(source);
          if (cache.size >= size) cache.delete(cache.keys().next().value!);
        }
        cache.set(source, stmt);
        return stmt;
      };
    },
  });
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    changeMarker: () => undefined,
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
