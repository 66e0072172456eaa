import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { actorOf } from '../http/authenticate.js';
import { csvDocument } from '../http/csv.js';
import { parseNumericId } from '../http/ids.js';
import type { Services } from '../services.js';
import type { AuditRow } from './audit.service.js';
import { TykPage } from '../pagination.js';
import { DASHBOARD_ORG_ID } from '../identity/organisation.js';

const AuditLog = Type.Object({
  _id: Type.String(),
  req_id: Type.String(),
  org_id: Type.String({ description: "The Dashboard organisation's id, the same for every entry" }),
  date: Type.String(),
  timestamp: Type.Integer(),
  ip: Type.String(),
  user: Type.String(),
  action: Type.String(),
  method: Type.String(),
  url: Type.String(),
  status: Type.Integer(),
  target_type: Type.String(),
  target_id: Type.String(),
  changes: Type.Record(Type.String(), Type.Unknown()),
});
type AuditLog = Static<typeof AuditLog>;

const AuditQuery = Type.Object({
  p: Type.Optional(TykPage),
  user: Type.Optional(Type.String({ description: 'Email of the user who acted' })),
  action: Type.Optional(Type.String({ description: 'e.g. user.create, login.failed' })),
  ip: Type.Optional(Type.String()),
  target_type: Type.Optional(Type.String({ maxLength: 64, description: 'The kind of object the entry is about: user, user_group, api, policy, key, …' })),
  target_id: Type.Optional(Type.String({ maxLength: 200, description: 'The id of the object the entry is about (with target_type)' })),
  from_date: Type.Optional(Type.String({ description: 'YYYY-MM-DD (UTC), inclusive' })),
  to_date: Type.Optional(Type.String({ description: 'YYYY-MM-DD (UTC), inclusive' })),
  type: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')], { description: 'csv downloads every matching entry' })),
  download: Type.Optional(Type.Boolean()),
});

function toView(r: AuditRow): AuditLog {
  const at = new Date(r.at);
  return {
    _id: String(r.id),
    req_id: r.request_id,
    org_id: DASHBOARD_ORG_ID,
    date: at.toUTCString(),
    timestamp: Math.floor(at.getTime() / 1000),
    ip: r.ip,
    user: r.actor_email,
    action: r.action,
    method: r.method,
    url: r.url,
    status: r.status,
    target_type: r.target_type,
    target_id: r.target_id,
    changes: JSON.parse(r.changes) as Record<string, unknown>,
  };
}

const CSV_COLUMNS = ['id', 'date', 'user', 'ip', 'action', 'target_type', 'target_id', 'method', 'url', 'status', 'request_id', 'changes'] as const;

function toCsv(rows: AuditRow[]): string {
  return csvDocument(
    CSV_COLUMNS,
    rows.map((r) => [r.id, r.at, r.actor_email, r.ip, r.action, r.target_type, r.target_id, r.method, r.url, r.status, r.request_id, r.changes]),
  );
}

/** The audit log: /api/audit-logs (needs audit_logs: read). */
export const auditRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const tags = ['Audit log'];
  app.get(
    '/audit-logs',
    {
      schema: {
        operationId: 'listAuditLogs',
        tags,
        summary: 'List audit log entries, newest first; type=csv downloads them',
        querystring: AuditQuery,
        response: {
          200: {
            description: 'The entries (JSON), or with type=csv every matching entry as a CSV download',
            content: {
              'application/json': { schema: Type.Object({ audit_logs: Type.Array(AuditLog), pages: Type.Integer() }) },
              'text/csv': { schema: Type.String({ description: 'One header row, then one row per entry' }) },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const csv = req.query.type === 'csv';
      const { rows, pages } = await services.audit.list(actorOf(req), req.query, csv || req.query.download === true);
      if (csv) {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="audit-log.csv"')
          .serializer((x: string) => x)
          // The CSV download is written as is (its documented schema is a string).
          .send(toCsv(rows) as never);
      }
      return { audit_logs: rows.map(toView), pages };
    },
  );

  app.get(
    '/audit-logs/:id',
    { schema: { operationId: 'getAuditLog', tags, summary: 'One audit log entry', params: Type.Object({ id: Type.String() }), response: { 200: AuditLog } } },
    async (req) => toView(await services.audit.get(actorOf(req), parseNumericId(req.params.id, 'Audit log entry'))),
  );
};
