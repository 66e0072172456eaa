import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type SqliteDatabase, type SqliteStatement, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
/** A repository function takes either the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** Whether a query through `ex` runs on PostgreSQL (else SQLite): for the few statements the two write differently. */
export function isPostgres(ex: Executor): boolean {
  return ex.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Independent reads sent together: on the pool each takes its own connection, so
 * their round trips overlap; in a transaction (one connection) one after another.
 */
export async function together<T extends readonly unknown[]>(ex: Executor, reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  if (!ex.isTransaction) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as unknown as T;
}

export interface Store {
  db: Db;
  dialect: Dialect;
  /** Answers whether the database responds. */
  ping(): Promise<boolean>;
  /**
   * A value that changes whenever a row that signing in reads (users, user
   * groups, sessions) changes, from this process or another one; undefined
   * while the store cannot tell. SQLite: any row of the database (its change
   * counters). PostgreSQL: counters moved by the notifications the tables'
   * triggers send (migration 0023) and by this process's own writes as they
   * complete; undefined while the listening connection is down. Lets hot paths reuse what they read until something changes.
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
  // Every statement of this process runs on this connection: counting the writing ones as
  // they are handed out (each runs in the same tick) tells this process's own changes.
  let ownWrites = 0;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: driverConnection(conn, () => ownWrites++) }) });
  // data_version moves when another connection (another process, the analytics writer's thread) commits.
  // Prepared once and plucked: the cheapest question SQLite answers, asked on every signed-in request.
  const dataVersion = conn.prepare('pragma data_version').pluck();
  return {
    db,
    dialect: 'sqlite',
    changeMarker() {
      return `${ownWrites}:${dataVersion.get() as number}`;
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
 * The connection as Kysely's SQLite driver sees it, with two changes:
 * - Kysely prepares every query anew; preparing is a large share of a small
 *   query's cost on SQLite. Statements are reusable, so the most recent ones are
 *   kept by their SQL text. (Statements run synchronously, so sharing one is safe.)
 * - Kysely hands a statement its parameters as one array, which better-sqlite3
 *   reads element by element through V8's generic property lookup; given as
 *   arguments they are read directly. A 32-row insert of the gateway's analytics
 *   (448 parameters) bound about a quarter faster row for row (docs/benchmarks.md).
 * `onWrite` is told of every statement that may write, as it is handed out to run.
 */
function driverConnection(conn: SQLite.Database, onWrite: () => void, size = 500): SqliteDatabase {
  const cache = new Map<string, DriverStatement>();
  return {
    close: () => conn.close(),
    prepare(source) {
      let stmt = cache.get(source);
      if (stmt) {
        // Refresh its place as the most recently used.
        cache.delete(source);
      } else {
        stmt = argumentsStatement(conn.prepare(source));
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(source, stmt);
      if (!stmt.readonly) onWrite();
      return stmt;
    },
  };
}

/** A prepared statement as Kysely's driver runs it; `readonly` tells the cache whether it may write. */
type DriverStatement = SqliteStatement & { readonly readonly: boolean };

/** Passes Kysely's parameter array to better-sqlite3 as arguments. */
function argumentsStatement(stmt: SQLite.Statement): DriverStatement {
  return {
    reader: stmt.reader,
    readonly: stmt.readonly,
    all: (parameters) => stmt.all(...parameters),
    run: (parameters) => stmt.run(...parameters),
    iterate: (parameters) => stmt.iterate(...parameters),
  };
}

/**
 * Statements that write nothing: a SELECT, or a WITH … SELECT naming no writing
 * command anywhere in its text (a false match only counts a read as a write).
 */
const READS = /^\s*(?:select\b|with\b(?![\s\S]*\b(?:insert|update|delete|merge)\b))/i;

function openPostgres(url: string): Store {
  // JIT off: the product's statements are small indexed lookups, but a list filtered through
  // correlated subqueries (an owner's audit log, access requests) can pass the planner's JIT cost
  // threshold and then spend 0.3-3 s compiling what runs in milliseconds (docs/benchmarks.md, Lists).
  // A connection string that sets its own `options` keeps them.
  const jit = new URL(url).searchParams.has('options') ? {} : { options: '-c jit=off' };
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000, ...jit });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  // Writes of this process move the marker as soon as they complete (a COMMIT is a write):
  // its own next request must not wait for the notification to come back.
  let ownWrites = 0;
  pool.on('connect', (client) => {
    const query = preparedStatements(client);
    client.query = ((...args: unknown[]) => {
      const result = query(...args);
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
      if (!(typeof text === 'string' && READS.test(text)) && result instanceof Promise) {
        result.then(
          () => ownWrites++,
          () => ownWrites++,
        );
      }
      return result;
    }) as typeof client.query;
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const changes = listenForSignInChanges(url);
  return {
    db,
    dialect: 'postgres',
    changeMarker() {
      const m = changes.marker();
      return m === undefined ? undefined : `${m}:${ownWrites}`;
    },
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await changes.close();
      await db.destroy();
    },
  };
}

/** The most statements a connection prepares; past this, new ones run unprepared. */
const PREPARED_PER_CONNECTION = 256;
/** The statements PostgreSQL can prepare. */
const PREPARABLE = /^\s*(?:select|insert|update|delete|with)\b/i;
const statementNames = new Map<string, string>();

/** A statement's name: the same text, the same name, on every connection (NAMEDATALEN allows 63 bytes). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `portcullis_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
    // Texts vary with the length of their id lists: bound the memo (each connection bounds its statements).
    if (statementNames.size >= 4 * PREPARED_PER_CONNECTION) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

/**
 * `client.query(text, values)` as a named prepared statement once the
 * connection has run the same text before. Kysely sends every statement
 * unnamed, so PostgreSQL plans it on every call: an owner's audit log,
 * filtered through the set of APIs they may see, took longer to plan than to
 * run (docs/benchmarks.md, Lists). Prepared, a statement is planned afresh for
 * its first five runs on a connection; then PostgreSQL keeps a generic plan if
 * it is estimated no worse than the fresh ones (plan_cache_mode auto), else
 * goes on planning afresh. A connection prepares at most
 * PREPARED_PER_CONNECTION statements, for as long as it lives (the pool closes
 * idle ones). When the result columns of a prepared statement change under it
 * (a migration run by another process), PostgreSQL refuses to run it ("cached
 * plan must not change result type"): from then on it runs unprepared on that
 * connection, at once again when it ran on its own; inside a transaction the
 * transaction has failed, and that one request with it.
 */
function preparedStatements(client: pg.PoolClient): (...args: unknown[]) => unknown {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const prepared = new Set<string>();
  /** Run once, unprepared: a text seen a second time is prepared. */
  const seen = new Set<string>();
  const unpreparable = new Set<string>();
  return (...args: unknown[]) => {
    const [text, values] = args;
    if (args.length !== 2 || typeof text !== 'string' || !Array.isArray(values) || !PREPARABLE.test(text)) return query(...args);
    const name = statementName(text);
    if (!prepared.has(name)) {
      if (!seen.has(name) || prepared.size >= PREPARED_PER_CONNECTION || unpreparable.has(name)) {
        if (seen.size >= 4 * PREPARED_PER_CONNECTION) seen.clear();
        seen.add(name);
        return query(...args);
      }
      prepared.add(name);
    }
    // Outside a transaction a failed statement changed nothing: it can run again.
    const alone = client.getTransactionStatus() === 'I';
    return (query({ name, text, values }) as Promise<unknown>).catch((err: unknown) => {
      if ((err as { code?: unknown }).code !== '0A000') throw err;
      prepared.delete(name);
      unpreparable.add(name);
      if (alone) return query(text, values);
      throw err;
    });
  };
}

/** The channel migration 0023's triggers notify on every write to users, user_groups and sessions. */
const SIGN_IN_CHANGES_CHANNEL = 'portcullis_sign_in_changes';
const RELISTEN_MS = 1000;

/**
 * One connection of its own LISTENs for the triggers' notifications (opened on
 * the first question); each one moves the marker. While that connection is not listening (starting, lost,
 * reconnecting) the marker is undefined, so nothing is reused: a missed
 * notification can never leave a revoked credential in use.
 */
function listenForSignInChanges(url: string): { marker(): string | undefined; close(): Promise<void> } {
  let version = 0;
  let listening = false;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const lost = () => {
    listening = false;
    version++;
    client = undefined;
    if (!closed) retry ??= setTimeout(connect, RELISTEN_MS).unref();
  };
  async function connect(): Promise<void> {
    retry = undefined;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    client = c;
    c.on('notification', () => version++);
    c.on('error', () => c.end().catch(() => {}));
    c.on('end', () => {
      if (client === c) lost();
    });
    try {
      await c.connect();
      await c.query(`listen ${SIGN_IN_CHANGES_CHANNEL}`);
      if (closed) return void (await c.end());
      // Whatever changed before the LISTEN took effect is behind the new version.
      version++;
      listening = true;
    } catch {
      if (client === c) {
        await c.end().catch(() => {});
        lost();
      }
    }
  }
  let started = false;
  return {
    // Only processes that sign people in ask: the first question starts listening (gateways never open the connection).
    marker() {
      if (!started && !closed) {
        started = true;
        void connect();
      }
      return listening ? `pg:${version}` : undefined;
    },
    async close() {
      closed = true;
      listening = false;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
