import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiResponse, ok } from '../http/envelope.js';
import { actorOf } from '../http/authenticate.js';
import type { Services } from '../services.js';
import { toUserView } from './user-view.js';

const userId = (raw: string): number => parseNumericId(raw, 'User');
import { parseNumericId } from '../http/ids.js';
import { CreateUserBody, IdParams, SuccessorQuery, PageQuery, PasswordBody, SearchBody, UpdateUserBody, User, UserList } from './users.schemas.js';

/** Tyk-compatible Dashboard users: /api/users. */
export const usersRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { users } = services;
  const tags = ['Users'];

  app.get('/users', { schema: { operationId: 'listUsers', tags, summary: 'List users', querystring: PageQuery, response: { 200: UserList } } }, async (req) => {
    const actor = actorOf(req);
    const { users: rows, pages } = await users.list(actor, req.query.p);
    return { users: rows.map((u) => toUserView(u, actor)), pages };
  });

  app.post(
    '/users/search',
    { schema: { operationId: 'searchUsers', tags, summary: 'Search users by name or email', querystring: PageQuery, body: SearchBody, response: { 200: UserList } } },
    async (req) => {
      const actor = actorOf(req);
      const { users: rows, pages } = await users.list(actor, req.query.p, req.body.filters.query ?? '');
      return { users: rows.map((u) => toUserView(u, actor)), pages };
    },
  );

  app.get(
    '/users/me',
    { config: { allowDuringPasswordChange: true }, schema: { operationId: 'getCurrentUser', tags, summary: 'The signed-in user', response: { 200: User } } },
    async (req) => {
      const actor = actorOf(req);
      return toUserView(services.auth.accountOf(actor) ?? (await users.me(actor)), actor);
    },
  );

  app.post(
    '/users',
    { schema: { operationId: 'createUser', tags, summary: 'Create a user; the reply carries the access key once', body: CreateUserBody, response: { 200: ApiResponse } } },
    async (req) => {
      const actor = actorOf(req);
      const { user, accessKey } = await users.create(actor, req.body);
      return ok('User created', toUserView(user, actor, accessKey));
    },
  );

  app.get('/users/:id', { schema: { operationId: 'getUser', tags, summary: 'Get a user', params: IdParams, response: { 200: User } } }, async (req) => {
    const actor = actorOf(req);
    return toUserView(await users.get(actor, userId(req.params.id)), actor);
  });

  app.put(
    '/users/:id',
    { schema: { operationId: 'updateUser', tags, summary: 'Update a user', params: IdParams, body: UpdateUserBody, response: { 200: ApiResponse } } },
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
        operationId: 'deleteUser',
        tags,
        summary: 'Delete a user; if they are the only owner of some API, name a successor who takes over',
        params: IdParams,
        querystring: SuccessorQuery,
        response: { 200: ApiResponse },
      },
    },
    async (req) => {
    await users.remove(actorOf(req), userId(req.params.id), req.query);
    return ok('User deleted');
  });

  app.put(
    '/users/:id/actions/key/reset',
    { schema: { operationId: 'resetUserAccessKey', tags, summary: 'Issue a new access key (shown once); ends the old key and sessions', params: IdParams, response: { 200: ApiResponse } } },
    async (req) => {
      const key = await users.resetAccessKey(actorOf(req), userId(req.params.id));
      return ok('User session renewed', { access_key: key });
    },
  );

  app.post(
    '/users/:id/actions/reset',
    {
      config: { allowDuringPasswordChange: true },
      schema: {
        operationId: 'setUserPassword',
        tags,
        summary: "Change a password (one's own with current_password; administrators: anyone's)",
        params: IdParams,
        body: PasswordBody,
        response: { 200: ApiResponse },
      },
    },
    async (req) => {
      const key = await users.changePassword(actorOf(req), userId(req.params.id), req.body);
      return ok('User password updated', { access_key: key });
    },
  );

  app.put(
    '/users/:id/actions/revoke',
    { schema: { operationId: 'revokeUserAccess', tags, summary: 'Deactivate a user and end all their sessions and keys', params: IdParams, response: { 200: ApiResponse } } },
    async (req) => {
      await users.revoke(actorOf(req), userId(req.params.id));
      return ok('User revoked');
    },
  );
};
