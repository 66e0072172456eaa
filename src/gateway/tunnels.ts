/**
 * The open WebSocket tunnels, by key hash, so that a change of configuration
 * (a revoked or deactivated key, narrowed rights, an API gone or without
 * WebSockets) closes the tunnels it no longer allows.
 */
import { admitKey, isRefusal } from './admission.js';
import type { ResolvedKey } from './resolved-key.js';
import type { RouteTable } from './routing.js';

export interface OpenTunnel {
  apiId: string;
  /** The key hash, or a JWT session's ref (state.ts); '' on a keyless API. */
  keyHash: string;
  method: string;
  /** The normalised path under the listen path, as admitted. */
  inner: string;
  close(): void;
}

export class Tunnels {
  private readonly byKey = new Map<string, Set<OpenTunnel>>();

  get size(): number {
    let n = 0;
    for (const set of this.byKey.values()) n += set.size;
    return n;
  }

  /** Registers a tunnel; the returned function forgets it (call it when the tunnel closes). */
  add(t: OpenTunnel): () => void {
    let set = this.byKey.get(t.keyHash);
    if (!set) this.byKey.set(t.keyHash, (set = new Set()));
    set.add(t);
    return () => {
      set.delete(t);
      if (set.size === 0 && this.byKey.get(t.keyHash) === set) this.byKey.delete(t.keyHash);
    };
  }

  /** Checks every open tunnel against the configuration just loaded; closes those it no longer admits. */
  async recheck(routes: RouteTable, resolve: (hash: string) => Promise<ResolvedKey | null>, nowSeconds: () => number): Promise<void> {
    for (const [hash, set] of [...this.byKey]) {
      let key: ResolvedKey | null | undefined;
      if (hash !== '') {
        try {
          key = await resolve(hash);
        } catch {
          // The store did not answer: keep the tunnels until a check can decide.
          continue;
        }
      }
      for (const t of [...set]) {
        const api = routes.byId(t.apiId);
        let allowed = api !== undefined && api.websockets;
        if (allowed && api !== undefined && !api.keyless) allowed = key !== undefined && !isRefusal(admitKey(key, t.apiId, t.method, t.inner, nowSeconds()));
        if (!allowed) t.close();
      }
    }
  }

  closeAll(): void {
    for (const set of [...this.byKey.values()]) for (const t of [...set]) t.close();
  }
}
