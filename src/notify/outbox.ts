import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../context.js';
import { Invalid, UpstreamFailed } from '../errors.js';
import type { Executor } from '../db/database.js';
import { activeAdministratorEmails } from '../identity/users.service.js';
import { mailSettings, type MailSettings } from '../portal/settings/settings.service.js';
import { claimDueEmails, deleteFinishedEmails, insertEmail, markEmailFailed, markEmailSent, releaseEmails, type DueEmail } from './outbox.repository.js';
import type { EmailEvent, EmailEvents } from './events.js';
import { poller, type Logger } from './poller.js';
import { fill, templateFor } from './templates.js';

/*
 * The email outbox. Its interface, for the services that send mail:
 *
 *   const email = emailOutbox(ctx)          // built once, in src/services.ts as `services.email`
 *   await email.enqueue(trx, event, to, data)   // inside the caller's transaction
 *   await email.adminRecipients(trx)        // where administrators' notifications go
 *   email.kick()                            // optional, after the commit: deliver now
 *
 * `enqueue` writes the mail to `email_outbox` with the change that caused it, or
 * not at all: the event and the data its template takes are fixed in
 * `events.ts`. When no SMTP host is set it writes nothing and returns false: mail
 * of that time is never sent later. `adminRecipients` is the administrators'
 * notification address when set, else every active administrator.
 *
 * The worker (`start`/`stop`, run by the app from its onReady/onClose hooks)
 * delivers due mail through SMTP with the settings of the moment, retrying
 * failures with exponential backoff, so a mail server that is down loses
 * nothing. Rows are claimed (locked with `skip locked` on PostgreSQL) before
 * sending, so several control-plane processes on one database never send a mail
 * twice in normal operation; a process that dies mid-send leaves its rows to be
 * retried after the claim lapses (at least once). Delivered mail keeps its
 * recipient, subject and dates; its bodies are cleared, since they can hold
 * single-use links (so are those of mail given up on). Sent and failed mail is
 * dropped after 30 days.
 */

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 10 * 60_000;
const MAX_ATTEMPTS = 20;
/** How long a claimed row is left alone by other workers. */
const CLAIM_MS = 5 * 60_000;
const BATCH = 20;
/** How long sent and failed mail stays in the table (recipient, subject, dates; no bodies). */
const KEEP_MS = 30 * 24 * 3_600_000;
const PRUNE_EVERY_MS = 3_600_000;
/** When the worker looks again after an enqueue (ms): the caller's commit usually lands within the first. */
const AFTER_ENQUEUE_MS = [25, 1_000];

export type { Logger } from './poller.js';

/** The delay before retry number `attempts` (1 = the first retry). */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

function smtpConfigured(s: MailSettings): boolean {
  return s.smtp_host.trim() !== '';
}

/** An error message fit to store: no credentials, one line, bounded. */
function describeFailure(err: unknown, s: MailSettings): string {
  let msg = err instanceof Error ? err.message : String(err);
  if (s.smtp_password) msg = msg.split(s.smtp_password).join('***');
  return msg.replace(/\s+/g, ' ').slice(0, 500);
}

export function emailOutbox({ store, config }: AppContext) {
  const { db } = store;
  const defaultSender = `portal@${new URL(config.publicUrl).hostname}`;

  let transport: { key: string; transporter: Transporter } | undefined;

  function transporterFor(s: MailSettings): Transporter {
    const key = JSON.stringify([s.smtp_host, s.smtp_port, s.smtp_username, s.smtp_password]);
    if (transport?.key !== key) {
      transport?.transporter.close();
      transport = {
        key,
        transporter: nodemailer.createTransport({
          host: s.smtp_host,
          port: s.smtp_port,
          secure: s.smtp_port === 465,
          auth: s.smtp_username ? { user: s.smtp_username, pass: s.smtp_password } : undefined,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        }),
      };
    }
    return transport.transporter;
  }

  /**
   * Takes up to BATCH due rows for this process by moving their next attempt
   * past the claim period, in one short transaction. On PostgreSQL the rows are
   * locked with `skip locked`, so concurrent workers take disjoint rows without
   * waiting; SQLite has a single writer.
   */
  async function claimDue(): Promise<DueEmail[]> {
    const now = new Date();
    const claimedUntil = new Date(now.getTime() + CLAIM_MS).toISOString();
    return db.transaction().execute((trx) => claimDueEmails(trx, store.dialect, now.toISOString(), claimedUntil, BATCH));
  }

  /** Delivers what is due; true when it found work (there may be more). */
  async function deliverDue(): Promise<boolean> {
    const settings = await mailSettings(db);
    if (!smtpConfigured(settings)) return false;
    const rows = await claimDue();
    if (rows.length === 0) return false;
    const from = settings.sender_email || defaultSender;
    for (const [i, row] of rows.entries()) {
      const attempts = row.attempts + 1;
      try {
        await transporterFor(settings).sendMail({ from, to: row.recipient, subject: row.subject, text: row.text_body, html: row.html_body });
        await markEmailSent(db, row.id, attempts, new Date().toISOString());
      } catch (err) {
        const failed = attempts >= MAX_ATTEMPTS;
        const error = describeFailure(err, settings);
        await markEmailFailed(db, row.id, { attempts, error, nextAttemptAt: new Date(Date.now() + backoffMs(attempts)).toISOString(), givenUp: failed });
        loop.log?.warn({ emailId: row.id, attempts, error }, failed ? 'email given up after repeated failures' : 'email delivery failed; will retry');
        // The server is likely down for the rest of the batch too: release every
        // row not tried yet (by position in the batch, not by id: the batch is in
        // due order, and a retried mail of a lower id can come after this one).
        await releaseEmails(
          db,
          rows.slice(i + 1).map((r) => r.id),
          new Date(Date.now() + backoffMs(1)).toISOString(),
        );
        return false;
      }
    }
    return true;
  }

  let prunedAt = 0;

  /** Drops mail sent or given up on more than KEEP_MS ago; at most once every PRUNE_EVERY_MS. */
  async function pruneOld(): Promise<void> {
    const now = Date.now();
    if (now - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = now;
    await deleteFinishedEmails(db, new Date(now - KEEP_MS).toISOString());
  }

  /** One delivery round at a time; a kick during a round asks for another. */
  const loop = poller({
    intervalMs: config.outboxPollMs,
    failure: 'email outbox round failed',
    round: async () => {
      await pruneOld();
      while (loop.active && (await deliverDue()));
    },
  });

  return {
    /**
     * Writes an email for `to` inside the caller's transaction; false (and
     * nothing written) when no SMTP host is set.
     */
    async enqueue<E extends EmailEvent>(ex: Executor, event: E, to: string, data: EmailEvents[E]): Promise<boolean> {
      const settings = await mailSettings(ex);
      if (!smtpConfigured(settings)) return false;
      const values: Record<string, string> = { ...(data as Record<string, string>), portal_url: config.publicUrl, recipient: to };
      const t = templateFor(event, config.emailTemplatesDir);
      const at = new Date().toISOString();
      await insertEmail(ex, {
        event,
        recipient: to,
        subject: fill(t.subject, values, false).replace(/[\r\n]+/g, ' ').slice(0, 300),
        text_body: fill(t.text, values, false),
        html_body: fill(t.html, values, true),
        status: 'pending',
        next_attempt_at: at,
        created_at: at,
        sent_at: null,
      });
      // The caller commits later, and its transaction gives no signal when: look
      // again shortly, and once more a moment later, rather than at the next poll.
      // Callers that know when they committed may call kick() themselves.
      if (loop.active) for (const ms of AFTER_ENQUEUE_MS) setTimeout(loop.kick, ms).unref();
      return true;
    },

    /** Where administrators' notifications go: the configured address, else every active administrator. */
    async adminRecipients(ex: Executor): Promise<string[]> {
      const settings = await mailSettings(ex);
      if (settings.admin_notification_email) return [settings.admin_notification_email];
      return activeAdministratorEmails(ex);
    },

    /**
     * Sends one test email to `to` at once, through the SMTP settings of the
     * moment, bypassing the outbox: resolves when the server accepted it, else
     * throws UpstreamFailed with the server's answer (never the password).
     */
    async sendTest(to: string): Promise<void> {
      const settings = await mailSettings(db);
      if (!smtpConfigured(settings)) throw new Invalid('SMTPHost', 'is not set; save the SMTP settings first');
      const from = settings.sender_email || defaultSender;
      const text = `This is a test email from the Developer Portal at ${config.publicUrl}.\n\nIf you can read it, the SMTP settings work.\n`;
      try {
        await transporterFor(settings).sendMail({ from, to, subject: 'Portcullis test email', text });
      } catch (err) {
        throw new UpstreamFailed(`The mail server did not accept the test email: ${describeFailure(err, settings)}`);
      }
    },

    /** Looks for due mail now (after a commit that enqueued some), rather than at the next poll. */
    kick(): void {
      loop.kick();
    },

    /** Starts delivering: at once, then every `outboxPollMs`. */
    start(logger: Logger): void {
      loop.start(logger);
    },

    /** Stops polling and waits for the round in flight. */
    async stop(): Promise<void> {
      await loop.stop();
      transport?.transporter.close();
      transport = undefined;
    },
  };
}

export type EmailOutbox = ReturnType<typeof emailOutbox>;
