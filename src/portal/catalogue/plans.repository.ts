import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { PlansTable } from '../../db/schema.js';

export type PlanRow = Selectable<PlansTable>;
export type PlanColumns = Omit<PlanRow, 'id' | 'name_normalized' | 'created_at' | 'updated_at'>;

const normalized = (name: string): string => name.trim().toLowerCase();

export async function listPlans(ex: Executor, page: { offset: number; limit: number }): Promise<PlanRow[]> {
  return ex.selectFrom('plans').selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
}

export async function findPlan(ex: Executor, id: number): Promise<PlanRow | undefined> {
  return ex.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function plansByIds(ex: Executor, ids: number[]): Promise<PlanRow[]> {
  if (ids.length === 0) return [];
  return ex.selectFrom('plans').selectAll().where('id', 'in', ids).orderBy('id').execute();
}

export async function findPlanByName(ex: Executor, name: string): Promise<PlanRow | undefined> {
  return ex.selectFrom('plans').selectAll().where('name_normalized', '=', normalized(name)).executeTakeFirst();
}

export async function insertPlan(ex: Executor, row: PlanColumns, at: string): Promise<number> {
  const { id } = await ex
    .insertInto('plans')
    .values({ ...row, name_normalized: normalized(row.name), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updatePlanRow(ex: Executor, id: number, row: PlanColumns, at: string): Promise<void> {
  await ex
    .updateTable('plans')
    .set({ ...row, name_normalized: normalized(row.name), updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function deletePlanRow(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('plans').where('id', '=', id).execute();
}

export async function existingPlanIds(ex: Executor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  return new Set((await ex.selectFrom('plans').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
}
