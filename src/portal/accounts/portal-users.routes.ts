import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/authenticate.js';
import { Id, parseNumericId } from '../../http/ids.js';
import type { Services } from '../../services.js';
import { portalDate } from '../portal-date.js';
import { StatusOk } from './organisations.schemas.js';
import {
  PortalUserCreate,
  PortalUserElem,
  PortalUserParams,
  PortalUserQuery,
  PortalUserShow,
  PortalUserUpdate,
} from './portal-users.schemas.js';
import type { PortalUser } from './portal-users.service.js';

export function portalUserElem({ user: u, membership }: PortalUser): PortalUserElem {
  return {
    ID: u.id,
    First: u.firstName,
    Last: u.lastName,
    Email: u.email,
    Role: u.role,
    OrganisationID: membership.organisation?.id ?? 0,
    Active: u.active,
    Provider: u.provider,
  };
}

export function portalUserShow(pu: PortalUser): PortalUserShow {
  const { user: u, membership } = pu;
  return {
    ...portalUserElem(pu),
    Organisation: membership.organisation?.name ?? '',
    Teams: membership.teams.map((t) => ({ ID: t.id, Name: t.name, Default: t.is_default === 1, CreatedAt: portalDate(t.created_at), UpdatedAt: portalDate(t.updated_at) })),
    ResetPassword: u.passwordChangeRequired,
    CreatedAt: portalDate(u.createdAt),
    UpdatedAt: portalDate(u.updatedAt),
    LastLoginAt: u.lastLoginAt ? portalDate(u.lastLoginAt) : null,
  };
}

const userId = (raw: string): number => parseNumericId(raw, 'User');

const InviteBody = Type.Object(
  {
    Email: Type.String({ format: 'email', maxLength: 254, description: 'Where the registration link goes' }),
    OrganisationID: Id({ description: 'The organisation the person joins on registering' }),
    TeamID: Type.Optional(Id({ description: "One of that organisation's teams; its default team when absent" })),
    Role: Type.Optional(Type.Union([Type.Literal('consumer-admin'), Type.Literal('consumer-team-member')], { description: 'consumer-team-member when absent' })),
  },
  { additionalProperties: false },
);

/** Portal users — API Owners (Settings > Admin users) and API consumers (API Consumers > Users): /portal-api/users. */
export const portalUsersRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { portalUsers } = services;
  const tags = ['Portal: users'];

  app.get(
    '/users',
    {
      schema: {
        operationId: 'listPortalUsers',
        tags,
        summary: 'List users (administrators, Dashboard users and consumers), filtered by role, organisation, team, active or a search',
        querystring: PortalUserQuery,
        response: { 200: Type.Array(PortalUserElem) },
      },
    },
    async (req) => (await portalUsers.list(actorOf(req), req.query)).map(portalUserElem),
  );

  app.post(
    '/users',
    { schema: { operationId: 'createPortalUser', tags, summary: 'Create a user: a consumer (default) or, by an administrator, a provider-admin or dashboard-user', body: PortalUserCreate, response: { 200: PortalUserShow } } },
    async (req) => portalUserShow(await portalUsers.create(actorOf(req), req.body)),
  );

  app.post(
    '/invites',
    {
      schema: {
        operationId: 'invitePortalConsumer',
        tags,
        summary: 'Email someone a registration link into an organisation (valid 7 days); an address that already has an account is told to sign in instead, and the answer is the same',
        body: InviteBody,
        response: { 200: StatusOk },
      },
    },
    async (req) => {
      await services.orgMembers.inviteAsAdmin(actorOf(req), req.body);
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/users/:userId',
    { schema: { operationId: 'getPortalUser', tags, summary: 'A user with organisation and teams', params: PortalUserParams, response: { 200: PortalUserShow } } },
    async (req) => portalUserShow(await portalUsers.get(actorOf(req), userId(req.params.userId))),
  );

  app.put(
    '/users/:userId',
    {
      schema: {
        operationId: 'updatePortalUser',
        tags,
        summary: 'Update a user: details, Active (activating approves a registration), role, organisation and teams',
        params: PortalUserParams,
        body: PortalUserUpdate,
        response: { 200: PortalUserShow },
      },
    },
    async (req) => portalUserShow(await portalUsers.update(actorOf(req), userId(req.params.userId), req.body)),
  );

  app.delete(
    '/users/:userId',
    {
      schema: {
        operationId: 'deletePortalUser',
        tags,
        summary: 'Delete a user and all their data: sessions, apps, access requests, credentials (revoked), memberships',
        params: PortalUserParams,
        response: { 200: StatusOk },
      },
    },
    async (req) => {
      await portalUsers.remove(actorOf(req), userId(req.params.userId));
      return { status: 'ok' as const };
    },
  );
};
