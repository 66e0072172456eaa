import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { readSettings, type SettingsRow } from '../portal/settings.repository.js';
import type { EmailEvent, EmailEvents } from './events.js';
import { fill, templateFor } from './templates.js';

/*
 * The email outbox.
 *
 * `enqueue(ex, event, to, data)` is called by services inside their own
 * transaction: the mail is written to `email_outbox` with the change that caused
 * it, or not at all. When no SMTP host is set it writes nothing (and returns
 * false): mail of that time is never sent later.
 *
 * The worker (`start`/`stop`, run by the app) delivers due mail through SMTP with
 * the settings of the moment, retrying failures with exponential backoff, so a
 * mail server that is down loses nothing. Rows are claimed with a conditional
 * update, so several control-plane processes on one database never send a mail
 * twice in normal operation (a process that dies mid-send leaves its rows to be
 * retried after the claim lapses: at least once). Delivered mail keeps its
 * recipient, subject and dates; its bodies are cleared, since they can hold
 * single-use links.
 */

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 10 * 60_000;
const MAX_ATTEMPTS = 20;
/** How long a claimed row is left alone by other workers. */
const CLAIM_MS = 5 * 60_000;
const BATCH = 20;

export interface Logger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** The delay before retry number `attempts` (1 = the first retry). */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

function smtpConfigured(s: SettingsRow): boolean {
  return s.smtp_host.trim() !== '';
}

/** An error message fit to store: no credentials, one line, bounded. */
function describeFailure(err: unknown, s: SettingsRow): string {
  let msg = err instanceof Error ? err.message : String(err);
  if (s.smtp_password) msg = msg.split(s.smtp_password).join('***');
  return msg.replace(/\s+/g, ' ').slice(0, 500);
}

export function emailOutbox({ store, config }: AppContext) {
  const { db } = store;
  const defaultSender = `portal@${new URL(config.publicUrl).hostname}`;

  let transport: { key: string; transporter: Transporter } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let started = false;
  let again = false;
  let log: Logger | undefined;

  function transporterFor(s: SettingsRow): Transporter {
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

  /** Takes up to BATCH due rows for this process. */
  async function claimDue(): Promise<{ id: number; recipient: string; subject: string; text_body: string; html_body: string; attempts: number }[]> {
    const now = new Date();
    const due = await db
      .selectFrom('email_outbox')
      .select(['id', 'next_attempt_at'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    const claimedUntil = new Date(now.getTime() + CLAIM_MS).toISOString();
    const mine: number[] = [];
    for (const row of due) {
      const r = await db
        .updateTable('email_outbox')
        .set({ next_attempt_at: claimedUntil })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '=', row.next_attempt_at)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) mine.push(row.id);
    }
    if (mine.length === 0) return [];
    return db.selectFrom('email_outbox').select(['id', 'recipient', 'subject', 'text_body', 'html_body', 'attempts']).where('id', 'in', mine).orderBy('id').execute();
  }

  /** Delivers what is due; true when it found work (there may be more). */
  async function deliverDue(): Promise<boolean> {
    const settings = await readSettings(db);
    if (!smtpConfigured(settings)) return false;
    const rows = await claimDue();
    if (rows.length === 0) return false;
    const from = settings.sender_email || defaultSender;
    for (const row of rows) {
      const attempts = row.attempts + 1;
      try {
        await transporterFor(settings).sendMail({ from, to: row.recipient, subject: row.subject, text: row.text_body, html: row.html_body });
        await db
          .updateTable('email_outbox')
          .set({ status: 'sent', attempts, sent_at: new Date().toISOString(), text_body: '', html_body: '', last_error: '' })
          .where('id', '=', row.id)
          .execute();
      } catch (err) {
        const failed = attempts >= MAX_ATTEMPTS;
        const error = describeFailure(err, settings);
        await db
          .updateTable('email_outbox')
          .set({
            status: failed ? 'failed' : 'pending',
            attempts,
            last_error: error,
            next_attempt_at: new Date(Date.now() + backoffMs(attempts)).toISOString(),
          })
          .where('id', '=', row.id)
          .execute();
        log?.warn({ emailId: row.id, attempts, error }, failed ? 'email given up after repeated failures' : 'email delivery failed; will retry');
        // The server is likely down for the rest of the batch too: release it for the next round.
        await db
          .updateTable('email_outbox')
          .set({ next_attempt_at: new Date(Date.now() + backoffMs(1)).toISOString() })
          .where('id', 'in', rows.filter((r) => r.id > row.id).map((r) => r.id).concat([-1]))
          .where('status', '=', 'pending')
          .execute();
        return false;
      }
    }
    return true;
  }

  /** One delivery round at a time; a kick during a round asks for another. */
  function run(): void {
    if (!started) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          while (started && (await deliverDue()));
        } while (again && started);
      } catch (err) {
        log?.warn({ err }, 'email outbox round failed');
      } finally {
        running = undefined;
      }
    })();
  }

  return {
    /**
     * Writes an email for `to` inside the caller's transaction; false (and
     * nothing written) when no SMTP host is set.
     */
    async enqueue<E extends EmailEvent>(ex: Executor, event: E, to: string, data: EmailEvents[E]): Promise<boolean> {
      const settings = await readSettings(ex);
      if (!smtpConfigured(settings)) return false;
      const values: Record<string, string> = { ...(data as Record<string, string>), portal_url: config.publicUrl, recipient: to };
      const t = templateFor(event, config.emailTemplatesDir);
      const at = new Date().toISOString();
      await ex
        .insertInto('email_outbox')
        .values({
          event,
          recipient: to,
          subject: fill(t.subject, values, false).replace(/[\r\n]+/g, ' ').slice(0, 300),
          text_body: fill(t.text, values, false),
          html_body: fill(t.html, values, true),
          status: 'pending',
          next_attempt_at: at,
          created_at: at,
          sent_at: null,
        })
        .execute();
      // Soon after the caller commits, rather than at the next poll.
      if (started) setTimeout(run, 25).unref();
      return true;
    },

    /** Where administrators' notifications go: the configured address, else every active administrator. */
    async adminRecipients(ex: Executor): Promise<string[]> {
      const settings = await readSettings(ex);
      if (settings.admin_notification_email) return [settings.admin_notification_email];
      const rows = await ex
        .selectFrom('users')
        .select('email')
        .where('is_admin', '=', 1)
        .where('active', '=', 1)
        .where('role', 'in', ['super-admin', 'provider-admin'])
        .orderBy('id')
        .execute();
      return rows.map((r) => r.email);
    },

    /** Starts delivering: at once, then every `outboxPollMs`. */
    start(logger: Logger): void {
      if (started) return;
      started = true;
      log = logger;
      timer = setInterval(run, config.outboxPollMs);
      timer.unref();
      run();
    },

    /** Stops polling and waits for the round in flight. */
    async stop(): Promise<void> {
      started = false;
      if (timer) clearInterval(timer);
      await running;
      transport?.transporter.close();
      transport = undefined;
    },
  };
}

export type EmailOutbox = ReturnType<typeof emailOutbox>;
