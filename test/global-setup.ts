import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** CLI tests run the compiled CLI, as users do; build it once for the whole run. */
export default function setup(): void {
  const repo = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${repo}/node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: repo, stdio: 'inherit' });
}
