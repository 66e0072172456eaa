import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { renderPermissions } from '../access/permissions.js';
import { actorOf } from '../http/authenticate.js';
import { ApiResponse, ok } from '../http/envelope.js';
import type { Services } from '../services.js';
import type { GroupRecord } from './groups.service.js';
import { CreateGroupBody, UpdateGroupBody, UserGroup, UserGroupList } from './groups.schemas.js';
import { parseNumericId } from '../http/ids.js';
import { DASHBOARD_ORG_ID, PASSWORD_MAX_DAYS } from './organisation.js';
import { IdParams, PageQuery, SuccessorQuery } from './users.schemas.js';

function toGroupView(g: GroupRecord): Static<typeof UserGroup> {
  return {
    id: String(g.id),
    name: g.name,
    description: g.description,
    active: g.active,
    user_permissions: renderPermissions({ isAdmin: false, sections: g.sections, kept: g.kept }),
    org_id: DASHBOARD_ORG_ID,
    password_max_days: PASSWORD_MAX_DAYS,
  };
}

/** Tyk-compatible user groups: /api/usergroups. */
export const groupsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { groups } = services;
  const tags = ['User groups'];
  const groupId = (raw: string): number => parseNumericId(raw, 'User group');

  app.get('/usergroups', { schema: { operationId: 'listUserGroups', tags, summary: 'List user groups', querystring: PageQuery, response: { 200: UserGroupList } } }, async (req) => {
    const { groups: rows, pages } = await groups.list(actorOf(req), req.query.p);
    return { groups: rows.map(toGroupView), pages };
  });

  app.post('/usergroups', { schema: { operationId: 'createUserGroup', tags, summary: 'Create a user group', body: CreateGroupBody, response: { 200: ApiResponse } } }, async (req) => {
    const g = await groups.create(actorOf(req), req.body);
    return ok('User group created', String(g.id));
  });

  app.get('/usergroups/:id', { schema: { operationId: 'getUserGroup', tags, summary: 'Get a user group', params: IdParams, response: { 200: UserGroup } } }, async (req) => {
    return toGroupView(await groups.get(actorOf(req), groupId(req.params.id)));
  });

  app.put(
    '/usergroups/:id',
    {
      schema: {
        operationId: 'updateUserGroup',
        tags,
        summary: "Update a user group; its permissions are every member's at once",
        params: IdParams,
        body: UpdateGroupBody,
        response: { 200: ApiResponse },
      },
    },
    async (req) => {
      await groups.update(actorOf(req), groupId(req.params.id), req.body);
      return ok('User group updated');
    },
  );

  app.delete(
    '/usergroups/:id',
    {
      schema: {
        operationId: 'deleteUserGroup',
        tags,
        summary: 'Delete a user group (refused while it has members, or while it is the only owner of an API and no successor is named)',
        params: IdParams,
        querystring: SuccessorQuery,
        response: { 200: ApiResponse },
      },
    },
    async (req) => {
      await groups.remove(actorOf(req), groupId(req.params.id), req.query);
      return ok('User group deleted');
    },
  );
};
