import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.js';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers ok while the database answers', async () => {
    const res = await t.request('GET', '/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers a failure with a bare 500 that names the request id, never internals', async () => {
    const key = await t.bootstrap();
    expect((await t.request('GET', '/api/users/me', { key })).statusCode).toBe(200);
    // Break the store under the running app: every query now fails inside the database driver.
    await t.store.db.schema.dropTable('audit_logs').$call((q) => (t.database.dialect === 'postgres' ? q.cascade() : q)).execute();
    const res = await t.request('POST', '/api/usergroups', { key, body: { name: 'doomed' } });
    expect(res.statusCode).toBe(500);
    const body = res.json() as { Status: string; Message: string; Meta: null };
    expect(body).toEqual({ Status: 'Error', Message: `Internal error; request id ${res.headers['x-request-id'] as string}`, Meta: null });
    expect(res.body).not.toMatch(/audit_logs|sqlite|relation|stack/i);
    // The failed change left nothing behind: the group insert shared the audit write's transaction.
    const groups = await t.request('GET', '/api/usergroups', { key });
    expect(groups.json().groups).toEqual([]);
  });

  it('answers 503 once the database is gone', async () => {
    await t.store.close();
    const res = await t.request('GET', '/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable' });
  });
});
