/**
 * Writes a Brotli (.br) and a gzip (.gz) copy next to every built web asset
 * (JavaScript, CSS, SVG, JSON), at the highest levels once at build time, so
 * that the server sends compressed files without compressing on each request
 * (@fastify/static's preCompressed). Part of `npm run build:web`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../web/', import.meta.url));
const COMPRESSIBLE = /\.(js|css|svg|json|html)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(name)) yield path;
  }
}

let count = 0;
let before = 0;
let after = 0;
for (const app of ['console', 'portal']) {
  for (const path of files(join(ROOT, app, 'dist'))) {
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
    count++;
    before += raw.length;
    after += br.length;
  }
}
console.log(`Compressed ${count} web assets: ${Math.round(before / 1024)} kB, ${Math.round(after / 1024)} kB with Brotli`);
