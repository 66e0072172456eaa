import { actorLabel, type Actor } from '../access/actor.js';
import type { Access } from '../access/access.js';
import { requireSection } from '../access/policy.js';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { Invalid, NotFound } from '../errors.js';
import { pageCount, pageWindow } from '../pagination.js';
import { recordAuditSubjects } from './audit-subjects.js';

export { rememberDeletedApi } from './audit-subjects.js';
import { findAudit, insertAudit, listAudit, type AuditRow } from './audit.repository.js';

// Routes shape what this service returns; they name its rows through the service, never the repository.
export type { AuditRow } from './audit.repository.js';

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string | number;
  /** Field names and their new values; never a secret (pass `'(changed)'` for those). */
  changes?: Record<string, unknown>;
  status?: number;
  /** Who acted, when not the actor itself (a sign-in names the account tried). */
  actorEmail?: string;
  actorId?: number | null;
}

/** Writes one audit entry inside the caller's transaction, so it lands with the change or not at all. */
export async function recordAudit(ex: Executor, actor: Actor, e: AuditEvent): Promise<void> {
  const changes = e.changes ?? {};
  const id = await insertAudit(ex, {
    at: new Date().toISOString(),
    request_id: actor.origin.requestId,
    actor_id: e.actorId !== undefined ? e.actorId : actor.kind === 'user' ? actor.userId : null,
    actor_email: (e.actorEmail ?? actorLabel(actor)).toLowerCase(),
    ip: actor.origin.ip,
    method: actor.origin.method,
    url: actor.origin.url,
    action: e.action,
    target_type: e.targetType,
    target_id: String(e.targetId),
    changes: JSON.stringify(changes),
    status: e.status ?? 200,
  });
  await recordAuditSubjects(ex, id, { type: e.targetType, id: String(e.targetId) }, changes);
}

export interface AuditFilter {
  p?: number;
  user?: string;
  action?: string;
  ip?: string;
  target_type?: string;
  target_id?: string;
  /** YYYY-MM-DD, inclusive, UTC. */
  from_date?: string;
  /** YYYY-MM-DD, inclusive, UTC. */
  to_date?: string;
}

function dayStart(field: string, day: string, plusDays = 0): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(d.getTime())) throw new Invalid(field, 'must be a date as YYYY-MM-DD');
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString();
}

export function auditService({ store, config }: AppContext, { access }: { access: Access }) {
  return {
    /** `all` ignores paging (downloads). */
    async list(actor: Actor, f: AuditFilter, all = false): Promise<{ rows: AuditRow[]; pages: number }> {
      requireSection(actor, 'audit_logs', 'read');
      const req = { p: all ? -1 : f.p, pageSize: config.pageSize };
      const { rows, total } = await listAudit(
        store.db,
        {
        user: f.user,
        action: f.action,
        ip: f.ip,
        targetType: f.target_type,
        targetId: f.target_id,
        from: f.from_date ? dayStart('from_date', f.from_date) : undefined,
        to: f.to_date ? dayStart('to_date', f.to_date, 1) : undefined,
          ...pageWindow(req),
        },
        access.filters.audit(store.db, actor),
      );
      return { rows, pages: pageCount(total, req) };
    },

    async get(actor: Actor, id: number): Promise<AuditRow> {
      requireSection(actor, 'audit_logs', 'read');
      const row = await findAudit(store.db, id, access.filters.audit(store.db, actor));
      if (!row) throw new NotFound('Audit log entry');
      return row;
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;
