import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The npm packages a built web app bundles, read from its source maps: name → the folder it was bundled from. */
function bundledPackages(app: string): Map<string, string> {
  const dir = join(root, 'web', app, 'dist', 'assets');
  const packages = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { sources: string[]; sourceRoot?: string };
    for (const source of map.sources) {
      const at = source.lastIndexOf('node_modules/');
      if (at < 0) continue;
      const [first, second] = source.slice(at + 'node_modules/'.length).split('/');
      const name = first!.startsWith('@') ? `${first}/${second}` : first!;
      // A package may sit in the root's node_modules or in a workspace's own.
      packages.set(name, resolve(dir, map.sourceRoot ?? '', source.slice(0, at + 'node_modules/'.length) + name));
    }
  }
  return packages;
}

// The web apps are built by `npm test`'s pretest step (npm run build:web).
describe('NOTICE', () => {
  it('names every third-party package the built web apps bundle, with its licence', () => {
    const notice = readFileSync(join(root, 'NOTICE'), 'utf8');
    const bundled = new Map([...bundledPackages('console'), ...bundledPackages('portal')]);
    expect(bundled.size).toBeGreaterThan(0);
    for (const [name, folder] of bundled) {
      const { license } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { license: string };
      expect(notice, `${name} (${license})`).toMatch(new RegExp(`^- ${name.replace(/[/.]/g, '\\$&')} \\(${license} License\\)`, 'm'));
    }
  });
});
