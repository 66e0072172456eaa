import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AppContext } from '../context.js';
import { isUniqueViolation, lockAdministrators } from '../db/transactions.js';
import { Conflict } from '../errors.js';
import { checkPasswordRules, hashPassword } from './passwords.js';
import { hashSecret, newSecret, secretHint } from './tokens.js';
import { installationRecorded, recordInstallation } from './installation.repository.js';
import { addPasswordHistory, countAdmins, insertUser, normalizeEmail } from './users.repository.js';

export interface BootstrapInput {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

export const ALREADY_BOOTSTRAPPED = 'Portcullis is already bootstrapped: an administrator exists';

export function bootstrapService({ store, config }: AppContext) {
  const { db } = store;
  return {
    async isBootstrapped(): Promise<boolean> {
      return (await installationRecorded(db)) || (await countAdmins(db)) > 0;
    },

    /**
     * Creates the first administrator (the super-admin) and returns its access key.
     * Exactly one caller can ever succeed: the installation row has a single
     * possible primary key, and PostgreSQL callers also queue on a lock.
     */
    async bootstrap(actor: Actor, input: BootstrapInput, passwordField = 'password'): Promise<string> {
      const email = input.email.trim();
      checkPasswordRules(input.password, email, { minLength: config.passwordMinLength }, passwordField);
      const passwordHash = await hashPassword(input.password);
      const key = newSecret();
      try {
        return await db.transaction().execute(async (trx) => {
          await lockAdministrators(trx, store.dialect);
          if ((await installationRecorded(trx)) || (await countAdmins(trx)) > 0) throw new Conflict(ALREADY_BOOTSTRAPPED, 'already_bootstrapped');
          const at = new Date().toISOString();
          const id = await insertUser(trx, {
            email,
            email_normalized: normalizeEmail(email),
            first_name: input.firstName,
            last_name: input.lastName,
            password_hash: passwordHash,
            is_admin: 1,
            role: 'super-admin',
            permissions: '{}',
            group_id: null,
            active: 1,
            password_change_required: 0,
            password_updated_at: at,
            access_key_hash: hashSecret(key),
            access_key_hint: secretHint(key),
            access_key_used_at: null,
            created_at: at,
            created_by: null,
            updated_at: at,
            last_login_at: null,
          });
          await addPasswordHistory(trx, id, passwordHash, at, config.passwordHistory);
          await recordInstallation(trx, at, id);
          await recordAudit(trx, actor, {
            action: 'bootstrap',
            targetType: 'user',
            targetId: id,
            actorEmail: actor.kind === 'user' ? undefined : email,
            actorId: id,
            changes: { email_address: email, role: 'super-admin' },
          });
          return key;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new Conflict(ALREADY_BOOTSTRAPPED, 'already_bootstrapped');
        throw err;
      }
    },
  };
}

export type BootstrapService = ReturnType<typeof bootstrapService>;
