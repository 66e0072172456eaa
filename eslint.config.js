import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Dependency rules (docs/design.md, "Dependency rules"). `no-restricted-imports`
 * sees the import specifier as written, so the patterns are regular expressions
 * over relative specifiers, one config block per domain and folder depth: from
 * src/portal/apps/apps.service.ts (depth 2) a specifier that climbs two levels
 * has left the domain, so '../../identity/users.repository.js' is caught while
 * '../catalogues/catalogues.repository.js' (a sibling portal sub-folder, the same
 * domain) is allowed, whatever the sub-folders are called.
 *
 * Two rule instances carry them, because a later config block replaces an earlier
 * block's options for the same rule: the core rule holds the boundaries between
 * domains (and keeps src/access and src/db away from src/http); the
 * typescript-eslint one holds the layers inside a domain (routes → service →
 * repository). Type-only imports count too.
 */
const DOMAINS = ['access', 'analytics', 'apis', 'audit', 'identity', 'keys', 'policies', 'portal', 'gateway', 'notify'];
/** The deepest folder inside a domain the rules cover (src/<domain>/a/b/c/x.ts). */
const MAX_DEPTH = 4;

/**
 * Deliberate crossings of a domain boundary, each with its reason: the importing
 * domain and the other domain's repository, as a path under src/ without `.js`.
 */
const CROSSINGS = [
  {
    from: 'gateway',
    to: 'analytics/analytics.repository',
    why: "The gateway's analytics recorder writes batches of traffic rows, on SQLite from a worker thread that must load only the writer and its SQL, not the analytics service and the access policy behind it.",
  },
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Any repository outside `domain`, imported from a file `depth` folders below src/. */
function otherDomainsRepositories(domain, depth) {
  const allowed = CROSSINGS.filter((c) => c.from === domain).map((c) => `(?!${escape(c.to)}(?:\\.js)?$)`);
  return {
    regex: `^(?:\\.\\./){${depth}}(?!${domain}/)${allowed.join('')}[^./][^/]*/(?:[^/]+/)*[^/]+\\.repository(?:\\.js)?$`,
    message: `${domain}/ reaches another domain through its service, never its repository (see "Dependency rules" in docs/design.md).`,
  };
}

const NO_HTTP = {
  regex: '^(?:\\.\\./)+http/',
  message: 'src/access and src/db know nothing of HTTP: throw the domain errors of src/errors.ts.',
};

const boundaryBlocks = [
  ...DOMAINS.flatMap((domain) =>
    Array.from({ length: MAX_DEPTH }, (_, i) => ({
      files: [`src/${domain}/${'*/'.repeat(i)}*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: [otherDomainsRepositories(domain, i + 1), ...(domain === 'access' ? [NO_HTTP] : [])] }] },
    })),
  ),
  {
    files: ['src/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_HTTP] }] },
  },
];

const layerBlocks = [
  {
    files: ['src/**/*.routes.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '\\.repository(?:\\.js)?$', message: 'Routes call services; a row type a route needs is re-exported by its service.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.repository.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '\\.(?:service|routes)(?:\\.js)?$', message: 'Repositories hold SQL: they import neither services nor routes.' }] },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'web/*/dist/', 'node_modules/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Frozen migrations see the database as it was then, not through today's types.
    files: ['src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...boundaryBlocks,
  ...layerBlocks,
  {
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
