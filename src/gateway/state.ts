import type { Db } from '../db/database.js';
import { loadActiveApis, loadClientKeyHash, loadKey, loadPolicies, policyRowIdsOf, readChangeVersion, type KeyRecord } from './gateway.repository.js';
import type { GatewayLogger } from './logger.js';
import { resolveKey, type ResolvedKey } from './resolved-key.js';
import { gatewayApiOf, RouteTable, type GatewayApi } from './routing.js';

/** Past this many cached keys (known and unknown alike) the cache starts over. */
const MAX_CACHED_KEYS = 200_000;

/** A JWT session's own settings: none, so its policies decide everything, as for a key that sets no limits of its own. */
const SESSION_KEY: KeyRecord = { id: 0, rate: 0, per: 0, quota_max: 0, quota_renewal_rate: 0, expires: 0, is_inactive: 0, owner_user_id: null, owner_active: null };

/**
 * How a JWT session is named in the caches and among open tunnels: its
 * identity's hash (64 hex digits) and its policies' public ids, a line each
 * (a policy id never holds a line break: see policy-ids.ts).
 */
export function sessionRef(identityHash: string, policyIds: string[]): string {
  return `${identityHash}\n${policyIds.join('\n')}`;
}

export function isSessionRef(ref: string): boolean {
  return ref.includes('\n');
}

/**
 * What the gateway read from the store, kept until the change counter moves:
 * the route table (all active APIs, read at once) and keys (read when met).
 * No request queries the store while nothing changed.
 */
export class GatewayState {
  routes = new RouteTable([]);
  /** By key hash; null remembers a key that does not exist. */
  readonly keys = new Map<string, ResolvedKey | null>();
  private readonly pending = new Map<string, Promise<ResolvedKey | null>>();
  /** OAuth client id → the key hash of its app credential; null remembers a client no credential names. */
  readonly clients = new Map<string, string | null>();
  private readonly pendingClients = new Map<string, Promise<string | null>>();
  /**
   * JWT sessions (tokens no app credential stands for) by sessionRef: the
   * key a holder of those policies would be, under the identity's hash.
   */
  readonly sessions = new Map<string, ResolvedKey>();
  private readonly pendingSessions = new Map<string, Promise<ResolvedKey>>();
  private version = -1;
  /** Moves with every reload, so a key read before a change is not cached after it. */
  private generation = 0;
  private polling: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  /** Called after each reload (the change counter moved): open tunnels are checked again. */
  onReload: (() => void) | undefined;
  /** Logs a stored pattern RE2 cannot compile, once per pattern (compiled patterns are cached). */
  private readonly invalidPattern = (pattern: string, reason: string): void => {
    this.log.warn({ pattern, reason }, 'gateway: a stored URL pattern cannot be compiled; it never matches');
  };

  constructor(
    private readonly db: Db,
    private readonly log: GatewayLogger,
  ) {}

  async start(pollMs: number): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.poke(), pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Looks at the change counter now (a notice arrived, or the timer fired). */
  poke(): Promise<void> {
    if (this.polling) {
      // A notice during a check may concern a commit the check did not see.
      this.again = true;
      return this.polling;
    }
    this.polling = (async () => {
      do {
        this.again = false;
        try {
          await this.check();
        } catch (err) {
          this.log.warn({ err }, 'gateway: cannot read the change counter; serving what it has');
        }
      } while (this.again);
    })().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  private async check(): Promise<void> {
    // The counter first: whatever is read after it is at least as new.
    const version = await readChangeVersion(this.db);
    if (version === this.version) return;
    this.generation += 1;
    this.keys.clear();
    this.pending.clear();
    this.clients.clear();
    this.pendingClients.clear();
    this.sessions.clear();
    this.pendingSessions.clear();
    const apis: GatewayApi[] = [];
    for (const row of await loadActiveApis(this.db)) {
      const api = gatewayApiOf(row, this.invalidPattern);
      if (api) apis.push(api);
      else this.log.warn({ api_id: row.api_id }, 'gateway: API skipped, its target cannot be proxied to');
    }
    this.routes = new RouteTable(apis);
    this.version = version;
    this.onReload?.();
  }

  /** The key hash behind an OAuth client id, read from the store once per configuration change. */
  resolveClient(clientId: string): Promise<string | null> {
    let p = this.pendingClients.get(clientId);
    if (p) return p;
    const generation = this.generation;
    p = loadClientKeyHash(this.db, clientId).then(
      (hash) => {
        if (generation === this.generation) {
          if (this.clients.size >= MAX_CACHED_KEYS) this.clients.clear();
          this.clients.set(clientId, hash ?? null);
          this.pendingClients.delete(clientId);
        }
        return hash ?? null;
      },
      (err: unknown) => {
        if (generation === this.generation) this.pendingClients.delete(clientId);
        throw err;
      },
    );
    this.pendingClients.set(clientId, p);
    return p;
  }

  /** The key behind a hash, read from the store once per configuration change. */
  resolve(hash: string): Promise<ResolvedKey | null> {
    return this.once(this.keys, this.pending, hash, async () => {
      const found = await loadKey(this.db, hash);
      return found ? resolveKey(hash, found.key, found.policies, found.rights, this.invalidPattern) : null;
    });
  }

  /**
   * The session a JWT is given from its policies (see sessionRef), read from the
   * store once per configuration change: computed exactly as for a key holding
   * those policies and setting nothing itself. Missing policies are left out;
   * inactive ones grant nothing (resolveKey).
   */
  resolveSession(ref: string): Promise<ResolvedKey> {
    return this.once(this.sessions, this.pendingSessions, ref, async () => {
      const [hash, ...policyIds] = ref.split('\n');
      const found = await loadPolicies(this.db, await policyRowIdsOf(this.db, policyIds));
      return resolveKey(hash!, SESSION_KEY, found.policies, found.rights, this.invalidPattern);
    });
  }

  /**
   * `load()` once per configuration change and id: callers while it runs share
   * its promise; its answer is kept in `cache` unless the configuration changed
   * meanwhile (a bounded cache, emptied when full).
   */
  private once<T>(cache: Map<string, T>, pending: Map<string, Promise<T>>, id: string, load: () => Promise<T>): Promise<T> {
    let p = pending.get(id);
    if (p) return p;
    const generation = this.generation;
    p = load().then(
      (value) => {
        if (generation === this.generation) {
          if (cache.size >= MAX_CACHED_KEYS) cache.clear();
          cache.set(id, value);
          pending.delete(id);
        }
        return value;
      },
      (err: unknown) => {
        if (generation === this.generation) pending.delete(id);
        throw err;
      },
    );
    pending.set(id, p);
    return p;
  }

  /** What an open tunnel was admitted with: a key by its hash, or a JWT session by its ref. */
  resolveAdmitted(ref: string): Promise<ResolvedKey | null> {
    return isSessionRef(ref) ? this.resolveSession(ref) : this.resolve(ref);
  }
}
