import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createApi, createGroup, createUser, setOwners } from '../helpers/fixtures.js';

/*
 * An owner's audit log starts from the entries concerning an API they see or
 * none at all; "none at all" is read from `audit_logs.api_count` (migration
 * 0032), kept by triggers on audit_log_apis. The count must follow every entry
 * as its APIs are recorded, including the APIs handed on to earlier entries
 * about the same object, and the list must answer as before.
 */

const right = (apiId: string) => ({ api_id: apiId, versions: ['Default'], allowed_urls: [] });

describe("audit entries' API counts", () => {
  let t: TestApp;
  let root: string;
  let owner: { key: string };
  let theirs: { apiId: string };

  beforeAll(async () => {
    t = await startTestApp({ PORTCULLIS_ENABLE_OWNERSHIP: 'true', PORTCULLIS_PAGE_SIZE: '1' });
    root = await t.bootstrap();
    const perms = { apis: 'read', policies: 'write', audit_logs: 'read' };
    const a = await createGroup(t, root, 'TeamA', perms);
    const b = await createGroup(t, root, 'TeamB', perms);
    owner = await createUser(t, root, 'a@example.com', { groupId: a });
    const mine = await createApi(t, root, 'Mine', '/mine/');
    theirs = await createApi(t, root, 'Theirs', '/theirs/');
    await setOwners(t, root, mine.apiId, [], [a]);
    await setOwners(t, root, theirs.apiId, [], [b]);
  });
  afterAll(async () => {
    await t.close();
  });

  const entries = async () => {
    const res = await t.request('GET', '/api/audit-logs?p=-1', { key: owner.key });
    expect(res.statusCode).toBe(200);
    return (res.json() as { audit_logs: { target_type: string; target_id: string; action: string }[] }).audit_logs;
  };
  const pages = async () => {
    const res = await t.request('GET', '/api/audit-logs?p=1', { key: owner.key });
    expect(res.statusCode).toBe(200);
    return (res.json() as { pages: number }).pages;
  };
  /** Entries whose kept count differs from their rows in audit_log_apis. */
  const drift = async () =>
    (
      await sql<{ id: number }>`select a.id from audit_logs a where a.api_count <> (select count(*) from audit_log_apis s where s.audit_id = a.id)`.execute(t.store.db)
    ).rows;

  it('shows an entry about a policy granting nothing, and hides it once the policy grants a hidden API', async () => {
    const before = await pages();
    const created = await t.request('POST', '/api/portal/policies', { key: root, body: { name: 'Empty', access_rights: {} } });
    expect(created.statusCode).toBe(200);
    const id = created.json().Message as string;
    const aboutIt = async () => (await entries()).filter((e) => e.target_type === 'policy' && e.target_id === id);
    expect(await aboutIt()).toHaveLength(1);
    expect(await pages()).toBe(before + 1);
    expect(await drift()).toEqual([]);

    // The update concerns TeamB's API, and hands it on to the creation entry: both leave the owner's log.
    const put = await t.request('PUT', `/api/portal/policies/${id}`, { key: root, body: { name: 'Empty', access_rights: { [theirs.apiId]: right(theirs.apiId) } } });
    expect(put.statusCode).toBe(200);
    expect(await aboutIt()).toEqual([]);
    expect(await pages()).toBe(before);
    expect(await drift()).toEqual([]);
  });

  it('keeps every entry counted: some concern APIs, some none', async () => {
    const rows = (await sql<{ zero: number; some: number }>`select
        sum(case when api_count = 0 then 1 else 0 end) as zero,
        sum(case when api_count > 0 then 1 else 0 end) as some
      from audit_logs`.execute(t.store.db)).rows[0]!;
    expect(Number(rows.zero)).toBeGreaterThan(0);
    expect(Number(rows.some)).toBeGreaterThan(0);
    expect(await drift()).toEqual([]);
  });
});
