import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { SAME_ORIGIN, sessionFrom, type TestApp } from './app.js';

/** The password of the consumers `portalClient().consumer` creates. */
export const CONSUMER_PASSWORD = 'consumer-password-1';

export interface PortalCredential {
  ID: number;
  Credential: string;
  OAuthClientID?: string;
  OAuthClientSecret?: string;
  Revealed?: boolean;
}

/** An app as the Live Portal shows it to its owner. */
export interface PortalAppView {
  ID: number;
  AccessRequests: { ID: number; Status: string; Credentials: PortalCredential[] }[];
}

/** The answer's JSON, after asserting its status (the body is the failure message). */
export async function ok<T>(res: LightMyRequestResponse, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

/**
 * Requests to the Admin Portal API (with the administrator's key) and to the
 * Live Portal API (as a consumer signed in with a password), for tests that
 * take a consumer from an app to a credential. `t` and `key` are read at each
 * call, so the helpers can be made before `beforeAll` starts the app.
 */
export function portalClient(app: () => { t: TestApp; key: string }) {
  const users: Record<string, { id: number; session: string }> = {};

  const admin = (method: string, url: string, body?: unknown) => app().t.request(method, `/portal-api${url}`, { key: app().key, body });
  const as = (who: string, method: string, url: string, body?: unknown) => {
    const user = users[who];
    if (!user) throw new Error(`no consumer ${who}: create them with consumer()`);
    return app().t.request(method, `/portal/api${url}`, { session: user.session, body, headers: SAME_ORIGIN });
  };

  return {
    users,
    admin,
    as,

    /** An active consumer `<who>@example.com` of the organisation, signed in (their session is kept for `as`). */
    async consumer(who: string, organisationId: number): Promise<{ id: number; session: string }> {
      const email = `${who}@example.com`;
      const { ID } = await ok<{ ID: number }>(
        await admin('POST', '/users', { First: who, Last: 'Consumer', Email: email, Password: CONSUMER_PASSWORD, Active: true, Role: 'consumer-team-member', OrganisationID: organisationId }),
      );
      const session = sessionFrom(await app().t.request('POST', '/auth/password/login', { body: { email, password: CONSUMER_PASSWORD } }));
      if (!session) throw new Error(`${email} could not sign in`);
      users[who] = { id: ID, session };
      return users[who];
    },

    /** A new app of the consumer and its access request for the product on the plan (extra fields, e.g. ClientTypeID, added). */
    async requestAccess(who: string, appName: string, productId: number, planId: number, extra: Record<string, unknown> = {}): Promise<{ appId: number; requestId: number }> {
      const created = await ok<PortalAppView>(await as(who, 'POST', '/apps', { Name: appName }));
      const request = await ok<{ ID: number }>(await as(who, 'POST', '/access-requests', { AppID: created.ID, ProductID: productId, PlanID: planId, ...extra }));
      return { appId: created.ID, requestId: request.ID };
    },
  };
}
