// Per-source state (an IPv4 address or IPv6 /64): keys and tenants it presented, auth failures, blocks.
import { Lru } from '../util/lru.js';

export const SOURCE_CAPS = { tenants: 8, keys: 8, badKeys: 32 } as const;

export interface SourceKeyUse {
  first: number;
  n: number;
  probes: number;
  minuteStart: number;
  minuteCount: number;
}

export interface SourceState {
  first: number;
  last: number;
  /** tenantId → last time seen. */
  tenants: Map<string, number>;
  keys: Map<string, SourceKeyUse>;
  /** Authentication failures in the current window, and digests of the distinct keys tried. */
  failStart: number;
  fails: number;
  badKeys: Set<string>;
  blockedUntil: number;
}

function capMap<K, V>(m: Map<K, V>, max: number): void {
  // Insertion order ≈ age: refreshed entries are re-inserted, so the first is the stalest.
  while (m.size > max) {
    const k = m.keys().next();
    if (k.done) return;
    m.delete(k.value);
  }
}

export class SourceTracker {
  readonly #lru: Lru<string, SourceState>;
  constructor(readonly maxSources: number) {
    this.#lru = new Lru(maxSources);
  }
  get size(): number {
    return this.#lru.size;
  }
  peek(id: string): SourceState | undefined {
    return this.#lru.peek(id);
  }
  get(id: string, now: number): SourceState {
    let s = this.#lru.get(id);
    if (!s) {
      s = { first: now, last: now, tenants: new Map(), keys: new Map(), failStart: now, fails: 0, badKeys: new Set(), blockedUntil: 0 };
      this.#lru.set(id, s);
    }
    return s;
  }

  /**
   * The source, tenant and key of the last noteKey: only noteKey reorders a source's maps, and it leaves that tenant
   * and key newest, so the same source presenting them again needs no delete and re-insert to stay in order (a Map
   * re-inserted into on every request keeps filling its table with deleted slots and rehashing).
   */
  #last: { s: SourceState; tenantId: string; keyId: string } | undefined;

  /** Records a key presented by this source (after authentication). */
  noteKey(s: SourceState, keyId: string, tenantId: string, probe: boolean, now: number): SourceKeyUse {
    s.last = now;
    const l = this.#last;
    let k: SourceKeyUse | undefined;
    if (l !== undefined && l.s === s && l.tenantId === tenantId && l.keyId === keyId && (k = s.keys.get(keyId)) !== undefined) {
      s.tenants.set(tenantId, now);
    } else {
      s.tenants.delete(tenantId);
      s.tenants.set(tenantId, now);
      capMap(s.tenants, SOURCE_CAPS.tenants);
      k = s.keys.get(keyId);
      if (k) s.keys.delete(keyId);
      else k = { first: now, n: 0, probes: 0, minuteStart: now, minuteCount: 0 };
      s.keys.set(keyId, k);
      capMap(s.keys, SOURCE_CAPS.keys);
      this.#last = { s, tenantId, keyId };
    }
    k.n++;
    if (probe && k.n <= 5) k.probes++;
    if (now - k.minuteStart >= 60_000) {
      k.minuteStart = now;
      k.minuteCount = 0;
    }
    k.minuteCount++;
    return k;
  }

  /** Records a failed authentication; `digest` identifies the presented credential without holding it. */
  noteFailure(s: SourceState, digest: string, now: number, windowMs: number): void {
    if (now - s.failStart > windowMs) {
      s.failStart = now;
      s.fails = 0;
      s.badKeys.clear();
    }
    s.fails++;
    s.last = now;
    if (s.badKeys.size < SOURCE_CAPS.badKeys) s.badKeys.add(digest);
  }
}
