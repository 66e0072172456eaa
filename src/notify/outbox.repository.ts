import type { Insertable, Transaction } from 'kysely';
import type { Dialect, Executor } from '../db/database.js';
import type { Database, EmailOutboxTable } from '../db/schema.js';

export interface DueEmail {
  id: number;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
}

export type NewEmail = Insertable<EmailOutboxTable>;

export async function insertEmail(ex: Executor, row: NewEmail): Promise<void> {
  await ex.insertInto('email_outbox').values(row).execute();
}

/**
 * Up to `limit` pending rows due at `now`, in due order, each moved to
 * `claimedUntil` so that other workers leave them alone. On PostgreSQL the rows
 * are locked with `skip locked`: concurrent workers take disjoint rows.
 */
export async function claimDueEmails(trx: Transaction<Database>, dialect: Dialect, now: string, claimedUntil: string, limit: number): Promise<DueEmail[]> {
  const due = await trx
    .selectFrom('email_outbox')
    .select(['id', 'recipient', 'subject', 'text_body', 'html_body', 'attempts'])
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked())
    .execute();
  if (due.length === 0) return [];
  await trx
    .updateTable('email_outbox')
    .set({ next_attempt_at: claimedUntil })
    .where(
      'id',
      'in',
      due.map((r) => r.id),
    )
    .execute();
  return due;
}

/** Sent: the bodies go (they can hold single-use links), the recipient, subject and dates stay. */
export async function markEmailSent(ex: Executor, id: number, attempts: number, at: string): Promise<void> {
  await ex.updateTable('email_outbox').set({ status: 'sent', attempts, sent_at: at, text_body: '', html_body: '', last_error: '' }).where('id', '=', id).execute();
}

/** A failed attempt: retried at `nextAttemptAt`, or given up (`failed`, bodies cleared too). */
export async function markEmailFailed(ex: Executor, id: number, change: { attempts: number; error: string; nextAttemptAt: string; givenUp: boolean }): Promise<void> {
  await ex
    .updateTable('email_outbox')
    .set({
      status: change.givenUp ? 'failed' : 'pending',
      attempts: change.attempts,
      last_error: change.error,
      next_attempt_at: change.nextAttemptAt,
      // Never to be sent: its links need not be kept either.
      ...(change.givenUp ? { text_body: '', html_body: '' } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Gives claimed rows that were not tried back to the queue, due at `nextAttemptAt`. */
export async function releaseEmails(ex: Executor, ids: number[], nextAttemptAt: string): Promise<void> {
  if (ids.length === 0) return;
  await ex.updateTable('email_outbox').set({ next_attempt_at: nextAttemptAt }).where('id', 'in', ids).where('status', '=', 'pending').execute();
}

/** Drops mail sent or given up on that was written before `before`. */
export async function deleteFinishedEmails(ex: Executor, before: string): Promise<void> {
  await ex.deleteFrom('email_outbox').where('status', 'in', ['sent', 'failed']).where('created_at', '<', before).execute();
}
