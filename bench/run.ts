import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Runs every scenario in bench/scenarios (or those named with --only a,b), each
 * printing its figures and its ratios against a baseline measured in the same run.
 */
const dir = fileURLToPath(new URL('./scenarios/', import.meta.url));
const argIndex = process.argv.indexOf('--only');
const only = argIndex > 0 ? (process.argv[argIndex + 1] ?? '').split(',') : undefined;
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((n) => !only || only.includes(n));

console.log(`Portcullis benchmarks on ${process.version}, ${process.platform}/${process.arch}: ${names.join(', ')}`);
for (const name of names) {
  const started = Date.now();
  const scenario = (await import(`./scenarios/${name}.ts`)) as { run(): Promise<void> };
  await scenario.run();
  console.log(`(${name}: ${Math.round((Date.now() - started) / 1000)} s)`);
}
