import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/authenticate.js';
import { parseNumericId } from '../../http/ids.js';
import type { Services } from '../../services.js';
import { PortalPageQuery, StatusOk } from '../accounts/organisations.schemas.js';
import { PortalUserParams, PortalUserShow } from '../accounts/portal-users.schemas.js';
import { portalUserShow } from '../accounts/portal-users.routes.js';
import { Id } from '../../http/ids.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const ConsumerRole = Type.Union([Type.Literal('consumer-admin'), Type.Literal('consumer-team-member')]);

const MeUpdate = Type.Object({ First: Type.Optional(Name), Last: Type.Optional(Name) }, { additionalProperties: false });
const PasswordChange = Type.Object(
  { current_password: Type.String({ maxLength: 1024 }), new_password: Type.String({ maxLength: 1024 }) },
  { additionalProperties: false },
);
const InviteBody = Type.Object(
  {
    Email: Type.String({ format: 'email', maxLength: 254 }),
    TeamID: Type.Optional(Id()),
    Role: Type.Optional(ConsumerRole),
  },
  { additionalProperties: false },
);
const MemberUpdate = Type.Object(
  { Teams: Type.Optional(Type.Array(Id(), { maxItems: 100 })), Role: Type.Optional(ConsumerRole) },
  { additionalProperties: false },
);

const userId = (raw: string): number => parseNumericId(raw, 'User');

/** A signed-in consumer's own account, and a consumer-admin's organisation: /portal/api/me, /portal/api/org/users. */
export const consumerAccountRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['Live Portal: account'];

  app.get(
    '/me',
    { config: { allowDuringPasswordChange: true }, schema: { operationId: 'getMyAccount', tags, summary: 'My account, organisation and teams', response: { 200: PortalUserShow } } },
    async (req) => portalUserShow(await services.portalUsers.self(actorOf(req))),
  );

  app.put(
    '/me',
    { schema: { operationId: 'updateMyAccount', tags, summary: 'Change my name', body: MeUpdate, response: { 200: PortalUserShow } } },
    async (req) => portalUserShow(await services.portalUsers.updateSelf(actorOf(req), req.body)),
  );

  app.post(
    '/me/password',
    {
      config: { allowDuringPasswordChange: true },
      schema: { operationId: 'changeMyPassword', tags, summary: 'Change my password (the current one is required); my other sessions end', body: PasswordChange, response: { 200: StatusOk } },
    },
    async (req) => {
      const actor = actorOf(req);
      await services.users.changePassword(actor, actor.userId, req.body);
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/org/users',
    { schema: { operationId: 'listMyOrganisationUsers', tags, summary: "My organisation's members (consumer-admin)", querystring: PortalPageQuery, response: { 200: Type.Array(PortalUserShow) } } },
    async (req) => (await services.orgMembers.list(actorOf(req), req.query.page, req.query.per_page)).map(portalUserShow),
  );

  app.post(
    '/org/users',
    { schema: { operationId: 'inviteMyOrganisationUser', tags, summary: 'Invite someone into my organisation by email (consumer-admin); the link is valid 7 days', body: InviteBody, response: { 200: StatusOk } } },
    async (req) => {
      await services.orgMembers.invite(actorOf(req), req.body);
      return { status: 'ok' as const };
    },
  );

  app.put(
    '/org/users/:userId',
    { schema: { operationId: 'updateMyOrganisationUser', tags, summary: "Change a member's teams or role (consumer-admin)", params: PortalUserParams, body: MemberUpdate, response: { 200: PortalUserShow } } },
    async (req) => portalUserShow(await services.orgMembers.update(actorOf(req), userId(req.params.userId), req.body)),
  );

  app.delete(
    '/org/users/:userId',
    { schema: { operationId: 'removeMyOrganisationUser', tags, summary: 'Remove a member from my organisation (consumer-admin): they move to the Default Organisation', params: PortalUserParams, response: { 200: StatusOk } } },
    async (req) => {
      await services.orgMembers.remove(actorOf(req), userId(req.params.userId));
      return { status: 'ok' as const };
    },
  );
};
