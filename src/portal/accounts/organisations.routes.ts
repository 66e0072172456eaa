import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../http/authenticate.js';
import { parseNumericId } from '../../http/ids.js';
import type { Services } from '../../services.js';
import type { OrganisationWithTeams, TeamRow, TeamWithMembers } from './organisations.service.js';
import { portalDate } from '../portal-date.js';
import {
  NameBody,
  OrganisationUpdateBody,
  OrganisationElem,
  OrganisationParams,
  OrganisationShow,
  PortalPageQuery,
  StatusOk,
  TeamElem,
  TeamParams,
  TeamShow,
  TeamUpdateBody,
} from './organisations.schemas.js';


function teamElem(t: TeamRow): Static<typeof TeamElem> {
  return { ID: t.id, Name: t.name, Default: t.is_default === 1 };
}

function teamShow({ team: t, userIds }: TeamWithMembers): Static<typeof TeamShow> {
  return { ...teamElem(t), Users: userIds.map(String), CreatedAt: portalDate(t.created_at), UpdatedAt: portalDate(t.updated_at) };
}

function organisationShow({ organisation: o, teams, userIds }: OrganisationWithTeams): Static<typeof OrganisationShow> {
  return {
    ID: o.id,
    Name: o.name,
    Default: o.is_default === 1,
    Teams: teams.map(teamElem),
    Users: userIds.map((ID) => ({ ID })),
    CreatedAt: portalDate(o.created_at),
    UpdatedAt: portalDate(o.updated_at),
  };
}

const orgId = (raw: string): number => parseNumericId(raw, 'Organisation');
const teamId = (raw: string): number => parseNumericId(raw, 'Team');

/** Developer Portal organisations and teams: /portal-api/organisations (needs `portal`). */
export const organisationsRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const { organisations } = services;
  const tags = ['Portal: organisations and teams'];

  app.get(
    '/organisations',
    { schema: { operationId: 'listOrganisations', tags, summary: 'List organisations', querystring: PortalPageQuery, response: { 200: Type.Array(OrganisationElem) } } },
    async (req) => (await organisations.list(actorOf(req), req.query.page, req.query.per_page)).map((o) => ({ ID: o.id, Name: o.name, Default: o.is_default === 1 })),
  );

  app.post(
    '/organisations',
    { schema: { operationId: 'createOrganisation', tags, summary: 'Create an organisation (with its default team)', body: NameBody, response: { 200: OrganisationShow } } },
    async (req) => organisationShow(await organisations.create(actorOf(req), req.body.Name)),
  );

  app.get(
    '/organisations/:organisationId',
    { schema: { operationId: 'getOrganisation', tags, summary: 'An organisation with its teams', params: OrganisationParams, response: { 200: OrganisationShow } } },
    async (req) => organisationShow(await organisations.get(actorOf(req), orgId(req.params.organisationId))),
  );

  app.put(
    '/organisations/:organisationId',
    { schema: { operationId: 'updateOrganisation', tags, summary: 'Rename an organisation', params: OrganisationParams, body: OrganisationUpdateBody, response: { 200: OrganisationShow } } },
    async (req) => organisationShow(await organisations.rename(actorOf(req), orgId(req.params.organisationId), req.body.Name)),
  );

  app.delete(
    '/organisations/:organisationId',
    { schema: { operationId: 'deleteOrganisation', tags, summary: 'Delete an organisation (never the Default Organisation)', params: OrganisationParams, response: { 200: StatusOk } } },
    async (req) => {
      await organisations.remove(actorOf(req), orgId(req.params.organisationId));
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/organisations/:organisationId/teams',
    { schema: { operationId: 'listTeams', tags, summary: "An organisation's teams", params: OrganisationParams, querystring: PortalPageQuery, response: { 200: Type.Array(TeamElem) } } },
    async (req) => (await organisations.listTeams(actorOf(req), orgId(req.params.organisationId), req.query.page, req.query.per_page)).map(teamElem),
  );

  app.post(
    '/organisations/:organisationId/teams',
    { schema: { operationId: 'createTeam', tags, summary: 'Create a team', params: OrganisationParams, body: NameBody, response: { 200: TeamShow } } },
    async (req) => teamShow(await organisations.createTeam(actorOf(req), orgId(req.params.organisationId), req.body.Name)),
  );

  app.get(
    '/organisations/:organisationId/teams/:teamId',
    { schema: { operationId: 'getTeam', tags, summary: 'A team', params: TeamParams, response: { 200: TeamShow } } },
    async (req) => teamShow(await organisations.getTeam(actorOf(req), orgId(req.params.organisationId), teamId(req.params.teamId))),
  );

  app.put(
    '/organisations/:organisationId/teams/:teamId',
    { schema: { operationId: 'updateTeam', tags, summary: 'Rename a team', params: TeamParams, body: TeamUpdateBody, response: { 200: TeamShow } } },
    async (req) => teamShow(await organisations.renameTeam(actorOf(req), orgId(req.params.organisationId), teamId(req.params.teamId), req.body.Name)),
  );

  app.delete(
    '/organisations/:organisationId/teams/:teamId',
    { schema: { operationId: 'deleteTeam', tags, summary: "Delete a team (never an organisation's default team)", params: TeamParams, response: { 200: StatusOk } } },
    async (req) => {
      await organisations.removeTeam(actorOf(req), orgId(req.params.organisationId), teamId(req.params.teamId));
      return { status: 'ok' as const };
    },
  );
};
