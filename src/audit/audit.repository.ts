import type { Selectable } from 'kysely';
import type { Filter } from '../access/filter.js';
import type { Executor } from '../db/database.js';
import { inlinedWindow, pageOfWhole, pageWithTotal, rowCount, windowTotal } from '../db/row-counts.js';
import type { AuditLogsTable } from '../db/schema.js';

export type AuditRow = Selectable<AuditLogsTable>;
export type NewAuditRow = Omit<AuditRow, 'id' | 'api_count'>;

export async function insertAudit(ex: Executor, row: NewAuditRow): Promise<number> {
  const { id } = await ex.insertInto('audit_logs').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export interface AuditQuery {
  user?: string;
  action?: string;
  ip?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  page?: { offset: number; limit: number };
}

/** `visible` is the reader's filter (src/access/audit-visibility.ts). */
export async function listAudit(ex: Executor, q: AuditQuery, visible: Filter): Promise<{ rows: AuditRow[]; total: number }> {
  let base = ex.selectFrom('audit_logs');
  if (visible.kind === 'restricted') base = base.where(visible.where);
  if (q.user) base = base.where('actor_email', '=', q.user.trim().toLowerCase());
  if (q.action) base = base.where('action', '=', q.action);
  if (q.ip) base = base.where('ip', '=', q.ip);
  if (q.targetType) base = base.where('target_type', '=', q.targetType);
  if (q.targetId) base = base.where('target_id', '=', q.targetId);
  if (q.from) base = base.where('at', '>=', q.from);
  if (q.to) base = base.where('at', '<', q.to);
  const whole = visible.kind === 'unrestricted' && !q.user && !q.action && !q.ip && !q.targetType && !q.targetId && !q.from && !q.to;
  const count = async () => Number((await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  if (q.page && visible.kind === 'restricted') {
    // Restricted: the page's ids and the total from one statement (windowTotal), then their rows by id.
    const ids = inlinedWindow(base.select(['audit_logs.id as id', windowTotal]).orderBy('audit_logs.id', 'desc'), q.page);
    const found = await ex
      .selectFrom(ids.as('v'))
      .innerJoin('audit_logs', 'audit_logs.id', 'v.id')
      .selectAll('audit_logs')
      .select('v.total')
      .orderBy('audit_logs.id', 'desc')
      .execute();
    return pageWithTotal(found, q.page.offset, count);
  }
  if (whole && q.page) return pageOfWhole(ex, 'audit_logs', base.selectAll().orderBy('id', 'desc'), q.page);
  const total = whole ? await rowCount(ex, 'audit_logs') : await count();
  let rows = base.selectAll().orderBy('id', 'desc');
  if (q.page) rows = rows.limit(q.page.limit).offset(q.page.offset);
  return { rows: await rows.execute(), total };
}

export async function findAudit(ex: Executor, id: number, visible: Filter): Promise<AuditRow | undefined> {
  let q = ex.selectFrom('audit_logs').selectAll().where('id', '=', id);
  if (visible.kind === 'restricted') q = q.where(visible.where);
  return q.executeTakeFirst();
}
