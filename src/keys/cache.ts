// In-memory key cache by kid: bounded LRU, short TTL, negative entries; invalidated at once on change.
import { Lru } from '../util/lru.js';
import type { KeyRecord } from './types.js';

interface Entry {
  key: KeyRecord | undefined;
  until: number;
}

export interface KeyCacheOptions {
  max?: number;
  ttlMs?: number;
  negativeTtlMs?: number;
}

export class KeyCache {
  private readonly map: Lru<string, Entry>;
  private readonly inflight = new Map<string, Promise<KeyRecord | undefined>>();
  private readonly max: number;
  private readonly ttlMs: number;
  private readonly negativeTtlMs: number;
  /** Highest version seen per kid, so a stale load never overwrites a newer invalidation. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly load: (kid: string) => Promise<KeyRecord | undefined>,
    opts: KeyCacheOptions = {},
  ) {
    this.max = opts.max ?? 50_000;
    this.map = new Lru(this.max);
    this.ttlMs = opts.ttlMs ?? 5_000;
    this.negativeTtlMs = opts.negativeTtlMs ?? 1_000;
  }

  /**
   * A fresh cached answer for `kid` (its key, or undefined for a known-unknown kid), marked most recently used;
   * undefined when `get` would have to load. Lets the request path decide a hit without a promise.
   */
  hit(kid: string, now = Date.now()): { readonly key: KeyRecord | undefined } | undefined {
    const e = this.map.peek(kid);
    if (!e || e.until <= now) return undefined;
    this.map.get(kid); // most recently used
    return e;
  }

  async get(kid: string, now = Date.now()): Promise<KeyRecord | undefined> {
    const h = this.hit(kid, now);
    if (h) return h.key;
    const e = this.map.peek(kid);
    let p = this.inflight.get(kid);
    if (!p) {
      const gen = this.generation.get(kid) ?? 0;
      p = this.load(kid).then(
        (key) => {
          this.inflight.delete(kid);
          if ((this.generation.get(kid) ?? 0) === gen) this.put(kid, key, now);
          return key;
        },
        (err: unknown) => {
          this.inflight.delete(kid);
          // Store briefly unavailable: keep serving a cached key rather than failing everyone.
          if (e?.key) return e.key;
          throw err;
        },
      );
      this.inflight.set(kid, p);
    }
    return p;
  }

  put(kid: string, key: KeyRecord | undefined, now = Date.now()): void {
    this.map.set(kid, { key, until: now + (key ? this.ttlMs : this.negativeTtlMs) }); // newest; the oldest beyond max goes
  }

  /** A key changed (revoke, suspend, rotate...): drop it so the next request reloads. */
  invalidate(kid: string): void {
    this.map.delete(kid);
    this.inflight.delete(kid);
    this.generation.set(kid, (this.generation.get(kid) ?? 0) + 1);
    if (this.generation.size > this.max) this.generation.delete(this.generation.keys().next().value as string);
  }

  /** Forget everything (a replica missed key changes and cannot tell which). */
  clear(): void {
    for (const kid of this.map.keys()) this.invalidate(kid);
    this.inflight.clear();
  }

  get size(): number {
    return this.map.size;
  }
}
