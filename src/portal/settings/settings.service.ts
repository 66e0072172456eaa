import type { Actor } from '../../access/actor.js';
import { requireSection } from '../../access/policy.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import { Invalid } from '../../errors.js';
import { existingTeamPairs, readRules, readSettings, replaceRules, updateSettings, type SettingsRow } from './settings.repository.js';
import type { SettingsUpdate, SettingsView } from './settings.schemas.js';
import type { EmailOutbox } from '../../notify/outbox.js';

async function view(ex: Executor): Promise<SettingsView> {
  const s: SettingsRow = await readSettings(ex);
  const rules = await readRules(ex);
  return {
    SelfRegistration: s.self_registration === 1,
    AutoApproveConsumers: s.auto_approve_consumers === 1,
    AdminNotificationEmail: s.admin_notification_email,
    SenderEmail: s.sender_email,
    SMTPHost: s.smtp_host,
    SMTPPort: s.smtp_port,
    SMTPUsername: s.smtp_username,
    SMTPPasswordSet: s.smtp_password !== '',
    RegistrationRules: rules.map((r) => ({ Domain: r.domain, OrganisationID: r.organisation_id, TeamID: r.team_id, AutoApprove: r.auto_approve === 1 })),
    UpdatedAt: s.updated_at,
  };
}

/** What the email outbox needs of the settings: where and how to send, and where administrators' notifications go. */
export type MailSettings = Pick<SettingsRow, 'smtp_host' | 'smtp_port' | 'smtp_username' | 'smtp_password' | 'sender_email' | 'admin_notification_email'>;

/** The mail settings of the moment, read in the caller's transaction (no access check: the outbox is not an actor). */
export async function mailSettings(ex: Executor): Promise<MailSettings> {
  return readSettings(ex);
}

/** Developer Portal settings (Settings > General). Needs `portal: read` / `write`. */
export function settingsService({ store }: AppContext, deps: { email: Pick<EmailOutbox, 'sendTest'> }) {
  const { db } = store;
  return {
    async get(actor: Actor): Promise<SettingsView> {
      requireSection(actor, 'portal', 'read');
      return view(db);
    },

    /** Sends a test email through the configured SMTP server (`portal: write`): the answer is the server's. */
    async testEmail(actor: Actor, to: string): Promise<void> {
      requireSection(actor, 'portal', 'write');
      await deps.email.sendTest(to);
    },

    async update(actor: Actor, input: SettingsUpdate): Promise<SettingsView> {
      requireSection(actor, 'portal', 'write');
      return db.transaction().execute(async (trx) => {
        const changes: Record<string, unknown> = {};
        const patch: Parameters<typeof updateSettings>[1] = {};
        if (input.SelfRegistration !== undefined) {
          patch.self_registration = input.SelfRegistration ? 1 : 0;
          changes.SelfRegistration = input.SelfRegistration;
        }
        if (input.AutoApproveConsumers !== undefined) {
          patch.auto_approve_consumers = input.AutoApproveConsumers ? 1 : 0;
          changes.AutoApproveConsumers = input.AutoApproveConsumers;
        }
        if (input.AdminNotificationEmail !== undefined) patch.admin_notification_email = changes.AdminNotificationEmail = input.AdminNotificationEmail;
        if (input.SenderEmail !== undefined) patch.sender_email = changes.SenderEmail = input.SenderEmail;
        if (input.SMTPHost !== undefined) patch.smtp_host = changes.SMTPHost = input.SMTPHost;
        if (input.SMTPPort !== undefined) patch.smtp_port = changes.SMTPPort = input.SMTPPort;
        if (input.SMTPUsername !== undefined) patch.smtp_username = changes.SMTPUsername = input.SMTPUsername;
        if (input.SMTPPassword !== undefined) {
          patch.smtp_password = input.SMTPPassword;
          changes.SMTPPassword = input.SMTPPassword === '' ? '(cleared)' : '(changed)';
        }
        if (input.RegistrationRules !== undefined) {
          const rules = input.RegistrationRules;
          const seen = new Set<string>();
          rules.forEach((r, i) => {
            const d = r.Domain.toLowerCase();
            if (seen.has(d)) throw new Invalid(`RegistrationRules.${i}.Domain`, `${d} is listed twice`);
            seen.add(d);
          });
          const pairs = rules.map((r) => ({ organisation_id: r.OrganisationID, team_id: r.TeamID }));
          const existing = await existingTeamPairs(trx, pairs);
          rules.forEach((r, i) => {
            if (!existing.has(`${r.OrganisationID}:${r.TeamID}`)) throw new Invalid(`RegistrationRules.${i}.TeamID`, `no team ${r.TeamID} in organisation ${r.OrganisationID}`);
          });
          await replaceRules(
            trx,
            rules.map((r) => ({ domain: r.Domain.toLowerCase(), organisation_id: r.OrganisationID, team_id: r.TeamID, auto_approve: r.AutoApprove ? 1 : 0 })),
          );
          changes.RegistrationRules = rules;
        }
        if (Object.keys(changes).length > 0) {
          await updateSettings(trx, { ...patch, updated_at: new Date().toISOString() });
          await recordAudit(trx, actor, { action: 'settings.update', targetType: 'portal_settings', targetId: 'general', changes });
        }
        return view(trx);
      });
    },
  };
}

export type SettingsService = ReturnType<typeof settingsService>;
