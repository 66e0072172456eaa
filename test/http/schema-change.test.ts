import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi } from '../helpers/fixtures.js';

/**
 * A rolling upgrade: a newer process migrates the shared database while an
 * older one goes on serving. The store keeps statements prepared (SQLite by
 * their text, PostgreSQL per connection once a statement runs twice); a
 * prepared `select *` whose table gained a column must answer on its next
 * call, not fail.
 */
describe('a column added by another process while this one serves', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    t = await startTestApp();
    root = await t.bootstrap();
    await createApi(t, root, 'Before the upgrade', '/before/');
  });
  afterAll(async () => t?.close());

  async function alter(statement: string): Promise<void> {
    const { url, dialect } = t.database;
    if (dialect === 'postgres') {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(statement);
      await c.end();
    } else {
      const c = new SQLite(url.slice('sqlite:'.length));
      c.exec(statement);
      c.close();
    }
  }

  it('lists the APIs before and after, every time', async () => {
    const names = async () => {
      const res = await t.request('GET', '/api/apis?p=-1', { key: root });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { apis: { api_definition: { name: string } }[] }).apis.map((a) => a.api_definition.name);
    };
    // Often enough for every connection the list uses to have prepared its statements.
    for (let i = 0; i < 5; i++) expect(await names()).toEqual(['Before the upgrade']);
    await alter('alter table apis add column added_by_a_newer_version text');
    for (let i = 0; i < 5; i++) expect(await names()).toEqual(['Before the upgrade']);
  });
});
