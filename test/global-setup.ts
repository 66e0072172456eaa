import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { migratedTemplate } from './helpers/database.js';

/**
 * Once for the whole run: build the CLI (its tests run the compiled CLI, as users
 * do; incremental, so a second run only re-emits what changed), and the migrated
 * database every test database is copied from.
 */
export default async function setup(): Promise<void> {
  const repo = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${repo}/node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: repo, stdio: 'inherit' });
  await migratedTemplate();
}
