import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface TestDatabase {
  url: string;
  dialect: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /**
   * `migrated` (the default): the schema at its latest version and no rows, copied
   * from a template built once per set of migrations — migrating a PostgreSQL
   * database from nothing costs a second, copying it a fraction of that.
   * `empty`: no tables at all, for tests of migrating itself.
   */
  schema?: 'migrated' | 'empty';
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));
const postgresBase = (): string | undefined => {
  const base = process.env.PORTCULLIS_TEST_DATABASE_URL;
  return base && /^postgres(ql)?:\/\//.test(base) ? base : undefined;
};

/** Names the template after the migrations' sources, so a changed or added migration gets a new one. */
function migrationsDigest(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  return hash.digest('hex').slice(0, 16);
}

async function withAdmin<T>(base: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

const urlFor = (base: string, name: string): string => {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
};

async function migrate(url: string): Promise<void> {
  const store = openStore(url);
  try {
    await migrateToLatest(store.db);
  } finally {
    await store.close();
  }
}

let template: Promise<string> | undefined;

/**
 * The migrated template (a database name on PostgreSQL, a file path for SQLite),
 * built if missing. It is built under a name of its own and renamed when complete,
 * so test runs started at the same time never copy a half-migrated one.
 */
export function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const digest = migrationsDigest();
    const base = postgresBase();
    if (base) {
      const name = `portcullis_template_${digest}`;
      const exists = await withAdmin(base, async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
      if (exists) return name;
      const building = `${name}_${randomBytes(4).toString('hex')}`;
      await withAdmin(base, (c) => c.query(`create database ${building}`));
      await migrate(urlFor(base, building));
      await withAdmin(base, async (c) => {
        try {
          await c.query(`alter database ${building} rename to ${name}`);
        } catch {
          // Another run completed the same template first.
          await c.query(`drop database if exists ${building} with (force)`);
        }
      });
      return name;
    }
    const dir = join(tmpdir(), 'portcullis-test-templates');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${digest}.db`);
    if (existsSync(file)) return file;
    const building = `${file}.${randomBytes(4).toString('hex')}`;
    await migrate(`sqlite:${building}`);
    for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
    renameSync(building, file);
    return file;
  })();
  return template;
}

/**
 * A fresh database for one test file. With PORTCULLIS_TEST_DATABASE_URL set to a
 * postgres:// URL, a new database on that server (dropped afterwards); otherwise a
 * new SQLite file in a temporary folder.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const migrated = (options.schema ?? 'migrated') === 'migrated';
  const base = postgresBase();
  if (base) {
    const name = `portcullis_test_${randomBytes(6).toString('hex')}`;
    const from = migrated ? await migratedTemplate() : undefined;
    await withAdmin(base, (c) => c.query(from ? `create database ${name} template ${from}` : `create database ${name}`));
    return {
      url: urlFor(base, name),
      dialect: 'postgres',
      async drop() {
        await withAdmin(base, (c) => c.query(`drop database if exists ${name} with (force)`));
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-test-'));
  const file = join(dir, 'test.db');
  if (migrated) copyFileSync(await migratedTemplate(), file);
  return {
    url: `sqlite:${file}`,
    dialect: 'sqlite',
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
