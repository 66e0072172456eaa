/**
 * Generates web/shared/src/api/schema.ts (the web apps' typed API client types)
 * from the OpenAPI document the server builds, and lints the document.
 *
 *   npm run client:generate   write the file
 *   npm run client:check      fail when the committed file and the document drift apart,
 *                             or when the document does not pass the OpenAPI linter
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { loadConfig } from '../src/config.js';
import { openApiYaml } from '../src/http/openapi.js';
import { openApiDocument } from '../src/openapi-document.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'web/shared/src/api/schema.ts');
const check = process.argv.includes('--check');

const document = await openApiDocument(loadConfig({ PORTCULLIS_LOG_LEVEL: 'silent' }));
const header = '// Generated from the server\'s OpenAPI document by `npm run client:generate`. Do not edit.\n\n';
const generated = header + astToString(await openapiTS(document as unknown as OpenAPI3));

let failed = false;
if (check) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // absent: drift
  }
  if (committed !== generated) {
    console.error(`${target} does not match the OpenAPI document: run "npm run client:generate" and commit the result.`);
    failed = true;
  } else {
    console.log('The generated API client matches the OpenAPI document.');
  }
} else {
  writeFileSync(target, generated);
  console.log(`Wrote ${target}`);
}

// The document itself must pass a standard OpenAPI linter (Redocly, rules in redocly.yaml).
const dir = mkdtempSync(join(tmpdir(), 'portcullis-openapi-'));
try {
  const file = join(dir, 'openapi.yaml');
  writeFileSync(file, openApiYaml(document));
  try {
    execFileSync(join(root, 'node_modules/.bin/redocly'), ['lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'stylish'], {
      stdio: 'inherit',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  } catch {
    console.error('The OpenAPI document does not pass the linter (see above).');
    failed = true;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
