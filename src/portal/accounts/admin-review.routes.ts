import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { csvDocument } from '../../http/csv.js';
import { actorOf } from '../../http/authenticate.js';
import type { Services } from '../../services.js';
import type { ReviewEntry } from './admin-review.service.js';

const Entry = Type.Object({
  ID: Type.Integer(),
  Email: Type.String(),
  First: Type.String(),
  Last: Type.String(),
  Role: Type.String(),
  Permissions: Type.Record(Type.String(), Type.String()),
  Group: Type.Union([Type.Object({ ID: Type.Integer(), Name: Type.String() }), Type.Null()]),
  Active: Type.Boolean(),
  CreatedBy: Type.Union([Type.String(), Type.Null()]),
  CreatedAt: Type.String(),
  LastLoginAt: Type.Union([Type.String(), Type.Null()]),
  OwnedAPIs: Type.Array(Type.Object({ api_id: Type.String(), name: Type.String(), via: Type.String() })),
});

const COLUMNS = ['id', 'email', 'first', 'last', 'role', 'permissions', 'group', 'active', 'created_by', 'created_at', 'last_login_at', 'owned_apis'];

function toCsvRow(e: ReviewEntry): (string | number)[] {
  return [
    e.ID,
    e.Email,
    e.First,
    e.Last,
    e.Role,
    Object.entries(e.Permissions)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
    e.Group?.Name ?? '',
    e.Active ? 'yes' : 'no',
    e.CreatedBy ?? '',
    e.CreatedAt,
    e.LastLoginAt ?? '',
    e.OwnedAPIs.map((a) => `${a.name} (${a.api_id}${a.via === 'group' ? ', via group' : ''})`).join('; '),
  ];
}

/** GET /portal-api/admin-review (and ?format=csv): the quarterly access review. */
export const adminReviewRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/admin-review',
    {
      schema: {
        operationId: 'getAdminReview',
        tags: ['Portal: access review'],
        summary: 'Every administrator and Dashboard user with role, permissions, group, state, creator, sign-in and owned APIs',
        querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])) }),
        response: {
          200: {
            description: 'The review (JSON), or with format=csv the same rows as a CSV download',
            content: {
              'application/json': { schema: Type.Object({ users: Type.Array(Entry) }) },
              'text/csv': { schema: Type.String({ description: 'One header row, then one row per user' }) },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const entries = await services.adminReview.review(actorOf(req));
      if (req.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="admin-review.csv"')
          .serializer((x: string) => x)
          // The CSV download is written as is (its documented schema is a string).
          .send(csvDocument(COLUMNS, entries.map(toCsvRow)) as never);
      }
      return { users: entries };
    },
  );
};
