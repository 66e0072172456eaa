/**
 * Tyk Classic's endpoint lists (`version_data.versions.<v>.extended_paths`):
 * `ignored` (no authentication), `white_list` (only these), `black_list`
 * (never these), read once per configuration change, matched as Tyk's gateway
 * matches them: in that order, the first entry whose path and method match
 * decides; with any white_list entry, a request no entry matches is refused.
 */
import { compileUrlPattern, type UrlPattern } from './url-patterns.js';

type Json = Record<string, unknown>;

export type ListKind = 'ignored' | 'white_list' | 'black_list';
export const LIST_KINDS: readonly ListKind[] = ['ignored', 'black_list', 'white_list'];

/** A mock answer (`method_actions.<M>.action: "reply"`): given instead of proxying. */
export interface MockReply {
  code: number;
  body: string;
  headers: Record<string, string>;
}

export interface EndpointRule {
  kind: ListKind;
  pattern: UrlPattern;
  /** Upper-case method → what to do; null: every method, no action. */
  methods: Map<string, Action> | null;
}

/** 'pass': Tyk's `no_action`; a MockReply for `reply`; 'block' for any other action (Tyk refuses it). */
export type Action = 'pass' | 'block' | MockReply;

export interface EndpointLists {
  rules: EndpointRule[];
  /** The API has a white list: what it does not name is refused. */
  whiteListed: boolean;
}

/** What the lists say of one request. */
export interface EndpointVerdict {
  /** 'forbidden': refused; 'ignored': no authentication; 'checked': the usual checks. */
  status: 'forbidden' | 'ignored' | 'checked';
  reply: MockReply | undefined;
}

const FORBIDDEN: EndpointVerdict = { status: 'forbidden', reply: undefined };
const IGNORED: EndpointVerdict = { status: 'ignored', reply: undefined };
const CHECKED: EndpointVerdict = { status: 'checked', reply: undefined };

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function actionOf(meta: unknown): Action {
  if (!isObject(meta)) return 'pass';
  const action = meta.action;
  if (action === undefined || action === '' || action === 'no_action') return 'pass';
  if (action !== 'reply') return 'block';
  const headers: Record<string, string> = {};
  if (isObject(meta.headers)) for (const [k, v] of Object.entries(meta.headers)) if (typeof v === 'string') headers[k] = v;
  const code = typeof meta.code === 'number' && Number.isInteger(meta.code) && meta.code >= 200 && meta.code <= 599 ? meta.code : 200;
  return { code, body: typeof meta.data === 'string' ? meta.data : '', headers };
}

/** One entry: Tyk's EndPointMeta (`path`, `method` or `method_actions`, `ignore_case`, `disabled`), or a bare path string (the legacy `paths` lists). */
function ruleOf(kind: ListKind, entry: unknown, onInvalid: ((pattern: string, reason: string) => void) | undefined): EndpointRule | undefined {
  if (typeof entry === 'string') return entry === '' ? undefined : { kind, pattern: compileUrlPattern(entry, onInvalid), methods: null };
  if (!isObject(entry) || entry.disabled === true || typeof entry.path !== 'string' || entry.path === '') return undefined;
  const source = entry.ignore_case === true ? `(?i)${entry.path}` : entry.path;
  let methods: Map<string, Action> | null = null;
  if (isObject(entry.method_actions)) {
    methods = new Map();
    for (const [m, meta] of Object.entries(entry.method_actions)) methods.set(m.toUpperCase(), actionOf(meta));
  }
  if (typeof entry.method === 'string' && entry.method !== '') {
    methods ??= new Map();
    if (!methods.has(entry.method.toUpperCase())) methods.set(entry.method.toUpperCase(), 'pass');
  }
  return { kind, pattern: compileUrlPattern(source, onInvalid), methods };
}

/**
 * The lists of every version of a Classic definition (the gateway serves APIs
 * unversioned): `extended_paths` unless `use_extended_paths` is false, and the
 * legacy `paths` string lists unless it is true. null when there are none.
 */
export function endpointListsOf(def: Json, onInvalid?: (pattern: string, reason: string) => void): EndpointLists | null {
  const versions = isObject(def.version_data) && isObject(def.version_data.versions) ? def.version_data.versions : {};
  const rules: EndpointRule[] = [];
  for (const kind of LIST_KINDS) {
    for (const version of Object.values(versions)) {
      if (!isObject(version)) continue;
      const lists: unknown[] = [];
      if (version.use_extended_paths !== false && isObject(version.extended_paths)) lists.push(version.extended_paths[kind]);
      if (version.use_extended_paths !== true && isObject(version.paths)) lists.push(version.paths[kind]);
      for (const list of lists) {
        if (!Array.isArray(list)) continue;
        for (const entry of list) {
          const rule = ruleOf(kind, entry, onInvalid);
          if (rule !== undefined) rules.push(rule);
        }
      }
    }
  }
  if (rules.length === 0) return null;
  return { rules, whiteListed: rules.some((r) => r.kind === 'white_list') };
}

/** The verdict for `method` on `inner` (the normalised path under the listen path). */
export function endpointVerdict(lists: EndpointLists, method: string, inner: string): EndpointVerdict {
  for (const rule of lists.rules) {
    if (!rule.pattern.test(inner)) continue;
    let action: Action = 'pass';
    if (rule.methods !== null) {
      const a = rule.methods.get(method);
      if (a === undefined) continue;
      action = a;
    }
    if (action === 'block') return FORBIDDEN;
    if (rule.kind === 'black_list' && action === 'pass') return FORBIDDEN;
    const reply = action === 'pass' ? undefined : action;
    if (rule.kind === 'ignored') return reply === undefined ? IGNORED : { status: 'ignored', reply };
    return reply === undefined ? CHECKED : { status: 'checked', reply };
  }
  return lists.whiteListed ? FORBIDDEN : CHECKED;
}
