/**
 * Generates src/http/tyk-fields.generated.ts: for each Tyk object Portcullis
 * serves, the top-level field names Tyk's request descriptions define (the
 * Dashboard and Developer Portal descriptions in ../shared/reference/tyk, or the
 * folder PORTCULLIS_TYK_REFERENCE names). A field in these lists that Portcullis
 * does not act on is accepted, kept and returned (src/http/tyk-fields.ts); any
 * other unknown field is refused.
 *
 *   npm run tyk-fields:generate   write the file
 *   npm run tyk-fields:check      fail when the committed file and the descriptions drift apart
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const referenceDir = resolve(process.env.PORTCULLIS_TYK_REFERENCE ?? join(root, '..', 'shared', 'reference', 'tyk'));
const target = join(root, 'src/http/tyk-fields.generated.ts');
const check = process.argv.includes('--check');

type Node = { [k: string]: unknown };
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);

const documents: Record<string, Node> = {
  dashboard: parse(readFileSync(join(referenceDir, 'dashboard-swagger.yml'), 'utf8')) as Node,
  portal: parse(readFileSync(join(referenceDir, 'enterprise-developer-portal-swagger.yaml'), 'utf8')) as Node,
};

function at(doc: Node, pointer: string): unknown {
  let node: unknown = doc;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isNode(node)) throw new Error(`${pointer}: no ${part}`);
    node = node[part];
  }
  if (node === undefined) throw new Error(`${pointer} is not in the description`);
  return node;
}

/** The property names of a schema, following $ref and allOf/oneOf/anyOf. */
function properties(doc: Node, schema: unknown): string[] {
  if (!isNode(schema)) return [];
  if (typeof schema.$ref === 'string') return properties(doc, at(doc, schema.$ref));
  const out = new Set(isNode(schema.properties) ? Object.keys(schema.properties) : []);
  for (const k of ['allOf', 'oneOf', 'anyOf']) {
    const list = schema[k];
    if (Array.isArray(list)) for (const s of list) for (const p of properties(doc, s)) out.add(p);
  }
  return [...out];
}

/** The field names of a request body: its schema's properties and its examples' keys. */
function requestFields(doc: Node, path: string, method: string): string[] {
  const operation = at(doc, `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`);
  if (!isNode(operation) || !isNode(operation.requestBody)) throw new Error(`${method} ${path} takes no body`);
  let body: unknown = operation.requestBody;
  if (isNode(body) && typeof body.$ref === 'string') body = at(doc, body.$ref);
  const media = isNode(body) && isNode(body.content) ? body.content['application/json'] : undefined;
  if (!isNode(media)) throw new Error(`${method} ${path} takes no JSON`);
  const out = new Set(properties(doc, media.schema));
  if (isNode(media.example)) for (const k of Object.keys(media.example)) out.add(k);
  if (isNode(media.examples)) {
    for (const e of Object.values(media.examples)) if (isNode(e) && isNode(e.value)) for (const k of Object.keys(e.value)) out.add(k);
  }
  return [...out];
}

interface Source {
  doc: 'dashboard' | 'portal';
  /** A component schema (#/components/schemas/…) … */
  schema?: string;
  /** … or a request body: [path, method]. */
  request?: [string, string];
}

/**
 * Fields Tyk's own objects carry that the descriptions leave out (Tyk's Go
 * structs: user.Policy, user.SessionState; the portal's Product), so that an
 * object read from Tyk is accepted as it is.
 */
const UNDESCRIBED: Record<string, string[]> = {
  key: ['enable_http_signature_validation', 'rsa_certificate_id'],
  policy: ['graphql_access_rights', 'state', 'enable_http_signature_validation'],
  // Product-show fields a client that read a product sends back.
  portalProduct: ['AuthType', 'Path'],
};

const OBJECTS: Record<string, Source[]> = {
  key: [{ doc: 'dashboard', schema: 'SessionState' }],
  policy: [{ doc: 'dashboard', schema: 'Policy' }],
  user: [{ doc: 'dashboard', schema: 'User' }, { doc: 'dashboard', request: ['/api/users/{userId}', 'put'] }],
  userGroup: [{ doc: 'dashboard', schema: 'UserGroup' }],
  portalProduct: [
    { doc: 'portal', request: ['/products', 'post'] },
    { doc: 'portal', request: ['/products/{product_id}', 'put'] },
  ],
  portalPlan: [{ doc: 'portal', schema: 'PlanRequest' }],
  portalUser: [{ doc: 'portal', schema: 'User-create' }, { doc: 'portal', schema: 'User-update' }],
  portalCatalogue: [{ doc: 'portal', schema: 'Catalogue-create' }, { doc: 'portal', schema: 'Catalogue-update' }],
  portalOrganisation: [{ doc: 'portal', schema: 'Organisation-create' }],
};

const lists: Record<string, string[]> = {};
for (const [name, sources] of Object.entries(OBJECTS)) {
  const fields = new Set(UNDESCRIBED[name] ?? []);
  for (const s of sources) {
    const doc = documents[s.doc]!;
    const found = s.schema ? properties(doc, at(doc, `#/components/schemas/${s.schema}`)) : requestFields(doc, s.request![0], s.request![1]);
    for (const f of found) fields.add(f);
  }
  lists[name] = [...fields].sort();
}

const body = Object.entries(lists)
  .map(([name, fields]) => `  ${name}: [\n${fields.map((f) => `    '${f}',`).join('\n')}\n  ],`)
  .join('\n');
const generated = `// Generated from Tyk's Dashboard and Portal descriptions by \`npm run tyk-fields:generate\`. Do not edit.

/** The top-level fields of each Tyk object's request body, as Tyk's descriptions define them. */
export const TYK_FIELDS = {
${body}
} as const;

export type TykObject = keyof typeof TYK_FIELDS;
`;

if (check) {
  const committed = readFileSync(target, 'utf8');
  if (committed !== generated) {
    console.error(`${target} is out of date: run npm run tyk-fields:generate`);
    process.exit(1);
  }
} else {
  writeFileSync(target, generated);
}
