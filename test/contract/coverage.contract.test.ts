import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { CONTRACT_OPERATIONS } from './tyk-examples.js';
import { describeContract, isObject, loadReference, type Reference } from './tyk-reference.js';

/*
 * Which operations of Tyk's descriptions the contract tests exercise. The aim
 * is every operation Tyk's files describe that Portcullis implements; those
 * Portcullis implements but no contract test checks yet are printed, and must
 * be exactly NOT_YET_EXERCISED, so that the list is seen and kept true: a new
 * route Tyk describes shows up here until a contract test checks it.
 */

/** Where each description's paths live on our server (the portal's are relative to /portal-api). */
const FILES: Record<string, string> = {
  'dashboard-swagger.yml': '',
  'dashboard-admin-swagger.yml': '',
  'enterprise-developer-portal-swagger.yaml': '/portal-api',
};

/** Operations Portcullis implements that no contract test checks, with the reason (`METHOD /server/path`). */
const NOT_YET_EXERCISED: Record<string, string> = {
  // Tyk documents these answers without a JSON body (no schema, no example to check against).
  'POST /portal-api/products/{product_id}/docs/reorder': 'Tyk documents an empty 200',
  'DELETE /portal-api/products/{product_id}/api-details/{api_id}/oas': 'Tyk documents an empty 200',
  'GET /api/apis/oas/{apiId}/export': 'Tyk documents a file download (application/octet-stream), no JSON answer to compare; test/tyk/oas-patch-export-import.test.ts checks it',
  // Answers that are always a refusal here, so no 200 to compare with Tyk's examples.
  'GET /api/activity/oauthid/{OAuthClientID}/{startDay}/{startMonth}/{startYear}/{EndDay}/{EndMonth}/{EndYear}': 'Needs a DCR client and JWT traffic through a gateway: test/portal/oauth-dcr.test.ts checks it',
  'POST /admin/organisations': 'One organisation per installation (docs/differences-from-tyk.md): creating another is refused with 400',
  'PUT /admin/organisations/{orgID}': 'One organisation per installation: changing it through the Admin API is refused with 400',
  'DELETE /admin/organisations/{orgID}': 'One organisation per installation: deleting it is refused with 400',
  // Wire differences: Tyk answers YAML and takes a multipart upload (`file`); Portcullis speaks JSON.
  'GET /portal-api/products/{product_id}/api-details/{api_id}/oas': 'Tyk answers application/x-yaml; Portcullis answers JSON',
  'POST /portal-api/products/{product_id}/api-details/{api_id}/oas': 'Tyk takes multipart/form-data (file); Portcullis takes the JSON document',
};

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);
/** `/api/users/{userId}` and `/api/users/{id}` name the same route. */
const normalise = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

function operationsOf(ref: Reference, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  const paths = isObject(ref.document.paths) ? ref.document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of Object.keys(item).filter((m) => METHODS.has(m))) {
      out.set(`${method.toUpperCase()} ${normalise(prefix + path)}`, `${method.toUpperCase()} ${prefix}${path}`);
    }
  }
  return out;
}

describeContract('dashboard-swagger.yml', 'contract coverage of the Tyk descriptions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('exercises every operation of Tyk’s files that Portcullis implements, apart from those listed', () => {
    const tyk = new Map<string, string>();
    const byFile = new Map<string, Map<string, string>>();
    for (const [file, prefix] of Object.entries(FILES)) {
      const ops = operationsOf(loadReference(file), prefix);
      byFile.set(file, ops);
      for (const [k, v] of ops) tyk.set(k, v);
    }
    const ours = new Set<string>();
    const document = t.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of Object.keys(item).filter((m) => METHODS.has(m))) ours.add(`${method.toUpperCase()} ${normalise(path)}`);
    }

    const exercised = new Set<string>();
    const unknown: string[] = [];
    for (const [suite, { file, operations }] of Object.entries(CONTRACT_OPERATIONS)) {
      const prefix = FILES[file] ?? '';
      for (const op of operations) {
        const [method, path] = op.split(' ') as [string, string];
        const key = `${method} ${normalise(prefix + path)}`;
        if (!byFile.get(file)?.has(key)) unknown.push(`${suite}: ${op}`);
        exercised.add(key);
      }
    }
    // Every declared operation is one Tyk's file describes, and one we serve.
    expect(unknown).toEqual([]);
    expect([...exercised].filter((k) => !ours.has(k))).toEqual([]);

    const implemented = [...tyk.keys()].filter((k) => ours.has(k));
    const missing = implemented.filter((k) => !exercised.has(k)).map((k) => tyk.get(k)!).sort();
    console.log(
      [
        `Tyk's files describe ${tyk.size} operations; Portcullis implements ${implemented.length}; the contract tests check ${exercised.size} against Tyk's schemas and examples.`,
        `Implemented but not checked by a contract test (${missing.length}):`,
        ...missing.map((m) => `  ${m}${NOT_YET_EXERCISED[m] ? `: ${NOT_YET_EXERCISED[m]}` : ''}`),
      ].join('\n'),
    );
    expect(missing).toEqual(Object.keys(NOT_YET_EXERCISED).sort());
  });
});
