import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SystemActor } from '../access/actor.js';
import { adminSecretCheck } from '../access/admin-secret.js';
import { Invalid, NotFound, Unauthorized } from '../errors.js';
import { markAuthenticated } from '../http/body-limit.js';
import { ApiResponse, errorBody, ok } from '../http/envelope.js';
import { parseNumericId } from '../http/ids.js';
import { documentSecurity } from '../http/openapi.js';
import { DASHBOARD_ORG_ID } from '../identity/organisation.js';
import { toUserView } from '../identity/user-view.js';
import { CreateUserBody, IdParams, PageQuery, SuccessorQuery, UpdateUserBody, User, UserList } from '../identity/users.schemas.js';
import type { Services } from '../services.js';
import type { WebApps } from '../web/web-apps.js';
import { AdminOrganisation, AdminOrganisationList, OrgIdParams } from './admin-api.schemas.js';

/**
 * A browser opening a console screen (/admin/users is one) rather than a client
 * of the Admin API: a GET or HEAD without `admin-auth` that accepts an HTML page,
 * as every browser navigation does. Everything else — the header, a client that
 * does not ask for HTML, any other method — is the Admin API's.
 */
function isConsolePage(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.headers['admin-auth'] !== undefined) return false;
  return /text\/html/i.test(req.headers.accept ?? '');
}

/** Admin API calls act as the system, named in the audit log by their request. */
function adminActor(req: FastifyRequest): SystemActor {
  return { kind: 'system', origin: { ip: req.ip, requestId: String(req.id), method: req.method, url: req.url.split('?', 1)[0]! } };
}

const actors = new WeakMap<FastifyRequest, SystemActor>();
const actorOf = (req: FastifyRequest): SystemActor => actors.get(req)!;

/**
 * Tyk's Dashboard Admin API (/admin/users, /admin/organisations), authenticated
 * by the configured admin secret in the `admin-auth` header. It shares /admin
 * with the console: see isConsolePage. Without a configured secret every Admin
 * API request answers 404, as if the API did not exist.
 */
export const adminApiRoutes: FastifyPluginAsyncTypebox<{ services: Services; adminSecret: string | undefined; webApps: WebApps }> = async (
  app,
  { services, adminSecret, webApps },
) => {
  const secretMatches = adminSecretCheck(adminSecret);
  const tags = ['Dashboard Admin API'];
  documentSecurity(app, [{ adminAuth: [] }]);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (isConsolePage(req) && webApps.servePage(req, reply)) return reply;
    if (adminSecret === undefined || adminSecret === '') return reply.code(404).send(errorBody('Not found'));
    const given = req.headers['admin-auth'];
    if (!secretMatches(typeof given === 'string' ? given : undefined)) throw new Unauthorized();
    actors.set(req, adminActor(req));
    markAuthenticated(req);
    return undefined;
  });

  const { users } = services;
  const userId = (raw: string): number => parseNumericId(raw, 'User');

  app.get(
    '/users',
    { schema: { operationId: 'adminListUsers', tags, summary: 'Every Dashboard user', querystring: PageQuery, response: { 200: UserList } } },
    async (req) => {
      const actor = actorOf(req);
      const { users: rows, pages } = await users.list(actor, req.query.p);
      return { users: rows.map((u) => toUserView(u, actor)), pages };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        operationId: 'adminCreateUser',
        tags,
        summary: 'Create a Dashboard user (Tyk: Message is the access key, Meta the user); audited',
        body: CreateUserBody,
        response: { 200: ApiResponse },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { user, accessKey } = await users.create(actor, req.body);
      return ok(accessKey, toUserView(user, actor, accessKey));
    },
  );

  app.get(
    '/users/:id',
    { schema: { operationId: 'adminGetUser', tags, summary: 'A Dashboard user', params: IdParams, response: { 200: User } } },
    async (req) => toUserView(await users.get(actorOf(req), userId(req.params.id)), actorOf(req)),
  );

  app.put(
    '/users/:id',
    { schema: { operationId: 'adminUpdateUser', tags, summary: 'Update a Dashboard user; audited', params: IdParams, body: UpdateUserBody, response: { 200: ApiResponse } } },
    async (req) => {
      const actor = actorOf(req);
      const user = await users.update(actor, userId(req.params.id), req.body);
      return ok('User updated', toUserView(user, actor));
    },
  );

  app.delete(
    '/users/:id',
    {
      schema: {
        operationId: 'adminDeleteUser',
        tags,
        summary: 'Delete a Dashboard user (name a successor if they are the only owner of some API); audited',
        params: IdParams,
        querystring: SuccessorQuery,
        response: { 200: ApiResponse },
      },
    },
    async (req) => {
      await users.remove(actorOf(req), userId(req.params.id), req.query);
      return ok('User deleted');
    },
  );

  /** The one organisation a Portcullis installation is, in Tyk's OrganisationDocument shape. */
  async function organisation(actor: SystemActor) {
    const { apis } = await services.apis.list(actor, { p: -1 });
    return {
      id: DASHBOARD_ORG_ID,
      owner_name: 'Portcullis',
      owner_slug: 'portcullis',
      cname_enabled: false,
      cname: '',
      apis: apis.map(({ row }) => ({ api_human_name: row.name, api_id: row.api_id })),
      developer_quota: 0,
      developer_count: 0,
      event_options: {},
      hybrid_enabled: false,
      org_options_meta: {},
      ui: {},
    };
  }

  app.get(
    '/organisations',
    { schema: { operationId: 'adminListOrganisations', tags, summary: 'The organisations: a Portcullis installation is one', response: { 200: AdminOrganisationList } } },
    async (req) => ({ organisations: [await organisation(actorOf(req))], pages: 1 }),
  );

  app.get(
    '/organisations/:orgId',
    { schema: { operationId: 'adminGetOrganisation', tags, summary: 'The organisation (id "1"); any other id is 404', params: OrgIdParams, response: { 200: AdminOrganisation } } },
    async (req) => {
      if (req.params.orgId !== DASHBOARD_ORG_ID) throw new NotFound('Organisation');
      return organisation(actorOf(req));
    },
  );

  // One installation, one organisation: creating, changing or deleting organisations is refused, never pretended.
  const refuse = () => {
    throw new Invalid('organisation', 'a Portcullis installation is one organisation: organisations cannot be created, changed or deleted');
  };
  app.post(
    '/organisations',
    { schema: { operationId: 'adminCreateOrganisation', tags, summary: 'Refused (400): a Portcullis installation is one organisation', response: { 200: ApiResponse } } },
    async () => refuse(),
  );
  for (const method of ['put', 'delete'] as const) {
    app[method](
      '/organisations/:orgId',
      {
        schema: {
          operationId: method === 'put' ? 'adminUpdateOrganisation' : 'adminDeleteOrganisation',
          tags,
          summary: 'Refused (400; 404 for an id other than "1"): a Portcullis installation is one organisation',
          params: OrgIdParams,
          response: { 200: ApiResponse },
        },
      },
      async (req) => {
        if (req.params.orgId !== DASHBOARD_ORG_ID) throw new NotFound('Organisation');
        return refuse();
      },
    );
  }
};
