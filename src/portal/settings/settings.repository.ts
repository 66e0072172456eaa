import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { PortalSettingsTable, RegistrationRulesTable } from '../../db/schema.js';

export type SettingsRow = Selectable<PortalSettingsTable>;
export type RuleRow = Selectable<RegistrationRulesTable>;

export async function readSettings(ex: Executor): Promise<SettingsRow> {
  return ex.selectFrom('portal_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

export async function updateSettings(ex: Executor, patch: Partial<Omit<SettingsRow, 'id'>>): Promise<void> {
  await ex.updateTable('portal_settings').set(patch).where('id', '=', 1).execute();
}

export async function readRules(ex: Executor): Promise<RuleRow[]> {
  return ex.selectFrom('registration_rules').selectAll().orderBy('domain').execute();
}

export async function replaceRules(ex: Executor, rules: RuleRow[]): Promise<void> {
  await ex.deleteFrom('registration_rules').execute();
  if (rules.length > 0) await ex.insertInto('registration_rules').values(rules).execute();
}

/** Which of these (organisation, team) pairs exist, with the team in that organisation. */
export async function existingTeamPairs(ex: Executor, pairs: { organisation_id: number; team_id: number }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await ex
    .selectFrom('teams')
    .select(['organisation_id', 'id'])
    .where(
      'id',
      'in',
      pairs.map((p) => p.team_id),
    )
    .execute();
  return new Set(rows.map((r) => `${r.organisation_id}:${r.id}`));
}

/** The registration rule for an email's domain, if an administrator set one. */
export async function ruleForEmail(ex: Executor, email: string): Promise<RuleRow | undefined> {
  const domain = email.trim().toLowerCase().split('@').pop() ?? '';
  return ex.selectFrom('registration_rules').selectAll().where('domain', '=', domain).executeTakeFirst();
}
