import type { TestApp } from './app.js';

/** A Tyk Classic API wrapper with the fields the platform needs. */
export function classicApi(name: string, listenPath: string, extra: Record<string, unknown> = {}) {
  return {
    api_definition: {
      name,
      proxy: { listen_path: listenPath, target_url: 'http://127.0.0.1:9/', strip_listen_path: true },
      auth: { auth_header_name: 'Authorization' },
      ...extra,
    },
  };
}

async function ok<T>(res: { statusCode: number; body: string; json(): unknown }, what: string): Promise<T> {
  if (res.statusCode !== 200) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** Creates a user group and returns its id. */
export async function createGroup(t: TestApp, key: string, name: string, perms: Record<string, string>): Promise<string> {
  const body = await ok<{ Meta: string }>(await t.request('POST', '/api/usergroups', { key, body: { name, user_permissions: perms } }), `create group ${name}`);
  return body.Meta;
}

/** Creates a user (optionally in a group) and returns its id and access key. */
export async function createUser(
  t: TestApp,
  key: string,
  email: string,
  opts: { perms?: Record<string, string>; groupId?: string; password?: string } = {},
): Promise<{ id: string; key: string }> {
  const body = await ok<{ Meta: { id: string; access_key: string } }>(
    await t.request('POST', '/api/users', {
      key,
      body: {
        first_name: email.split('@')[0],
        last_name: 'Test',
        email_address: email,
        ...(opts.password ? { password: opts.password } : {}),
        user_permissions: opts.perms ?? {},
        ...(opts.groupId ? { group_id: opts.groupId } : {}),
      },
    }),
    `create user ${email}`,
  );
  return { id: body.Meta.id, key: body.Meta.access_key };
}

/** Creates a Classic API and returns {id, apiId}. */
export async function createApi(t: TestApp, key: string, name: string, listenPath: string, extra: Record<string, unknown> = {}) {
  const body = await ok<{ Meta: string; ID: string }>(await t.request('POST', '/api/apis', { key, body: classicApi(name, listenPath, extra) }), `create API ${name}`);
  return { id: body.Meta, apiId: body.ID };
}

export async function setOwners(t: TestApp, key: string, apiId: string, userIds: string[], userGroupIds: string[]): Promise<void> {
  await ok(await t.request('PUT', `/api/apis/${apiId}/access`, { key, body: { userIds, userGroupIds } }), `set owners of ${apiId}`);
}
