// Per-key safety counts shared by every replica through Redis (one hash per key), so stolen-key detection on any
// replica sees the blocks and rewrite-suppression attempts made through all of them. Reads never wait for Redis:
// they answer from a local view that is refreshed in the background; Redis faults fall back to local counting.
import type { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import { zeroCounts, type SafetyCounterPort, type SafetyCountField, type SafetyCounts } from './counters.js';

export interface RedisSafetyCountersOptions {
  /** Key prefix shared with the limiter (`limits.redisPrefix`). */
  readonly prefix: string;
  readonly log: Pick<Logger, 'warn' | 'info'>;
  /** A key's local view older than this is re-read from Redis (in the background) when it is next read. */
  readonly refreshMs: number;
  /** Counts of a key unused this long expire in Redis. */
  readonly ttlSeconds: number;
  /** Keys held locally; the least recently inserted goes first (a spray of keys cannot grow memory). */
  readonly maxKeys?: number;
  /** While Redis is unreachable, queued increments are retried this often. */
  readonly retryMs?: number;
  readonly now?: () => number;
}

interface Entry {
  /** Totals last read from Redis (they include every increment sent before that read). */
  base: SafetyCounts;
  /** Increments sent, not yet confirmed. */
  inflight: SafetyCounts;
  /** Increments not yet sent. */
  pending: SafetyCounts;
  /** When `base` was read; 0 = never. */
  at: number;
}

const FIELDS: readonly SafetyCountField[] = ['blocks', 'rewriteSuppression', 'checked'];
const isZero = (c: SafetyCounts): boolean => c.blocks === 0 && c.rewriteSuppression === 0 && c.checked === 0;
const plus = (a: SafetyCounts, b: SafetyCounts): SafetyCounts => ({ blocks: a.blocks + b.blocks, rewriteSuppression: a.rewriteSuppression + b.rewriteSuppression, checked: a.checked + b.checked });

function parseCounts(h: Record<string, string> | null | undefined): SafetyCounts {
  const c = zeroCounts();
  for (const f of FIELDS) {
    const n = Number(h?.[f] ?? 0);
    c[f] = Number.isFinite(n) && n > 0 ? n : 0;
  }
  return c;
}

export class RedisSafetyCounters implements SafetyCounterPort {
  readonly kind = 'redis' as const;
  readonly #entries = new Map<string, Entry>();
  /** Keys with increments to send, and keys whose view is stale: each handled once per tick, in one pipeline. */
  readonly #toSend = new Set<string>();
  readonly #toRefresh = new Set<string>();
  #scheduled = false;
  #retry: NodeJS.Timeout | undefined;
  #running: Promise<void> = Promise.resolve();
  #down = false;
  readonly #now: () => number;

  constructor(
    private readonly redis: Redis,
    private readonly o: RedisSafetyCountersOptions,
  ) {
    this.#now = o.now ?? Date.now;
  }

  get(keyId: string): SafetyCounts {
    const e = this.#entry(keyId);
    if (this.#now() - e.at >= this.o.refreshMs) this.#schedule(this.#toRefresh, keyId);
    return plus(plus(e.base, e.inflight), e.pending);
  }

  add(keyId: string, field: SafetyCountField, n = 1): void {
    this.#entry(keyId).pending[field] += n;
    this.#schedule(this.#toSend, keyId);
  }

  async read(keyId: string): Promise<SafetyCounts> {
    this.#entry(keyId);
    this.#schedule(this.#toRefresh, keyId);
    await this.#settled();
    const e = this.#entry(keyId);
    return plus(plus(e.base, e.inflight), e.pending);
  }

  async close(): Promise<void> {
    if (this.#retry) clearTimeout(this.#retry);
    await this.#settled();
    // One last attempt for what an outage left queued; lost if Redis is still away (logged).
    if (this.#toSend.size > 0) await this.#run();
    if (this.#toSend.size > 0) this.o.log.warn('safety counts: Redis unreachable at shutdown; increments not shared', { keys: this.#toSend.size });
  }

  #entry(keyId: string): Entry {
    let e = this.#entries.get(keyId);
    if (!e) {
      if (this.#entries.size >= (this.o.maxKeys ?? 100_000)) {
        // Never the ones with increments still to send: those would be lost.
        for (const k of this.#entries.keys()) {
          if (this.#toSend.has(k)) continue;
          this.#entries.delete(k);
          break;
        }
      }
      e = { base: zeroCounts(), inflight: zeroCounts(), pending: zeroCounts(), at: 0 };
      this.#entries.set(keyId, e);
    }
    return e;
  }

  #schedule(set: Set<string>, keyId: string): void {
    set.add(keyId);
    if (this.#scheduled || (this.#down && this.#retry)) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      void this.#run();
    });
  }

  /** Waits for the round trip under way and the one queued for this tick. */
  async #settled(): Promise<void> {
    if (this.#scheduled) await new Promise((r) => setImmediate(r));
    await this.#running;
  }

  #run(): Promise<void> {
    this.#running = this.#running.then(() => this.#roundTrip());
    return this.#running;
  }

  /** One pipeline: every queued increment (HINCRBY, EXPIRE) and every stale key (HGETALL), totals read back. */
  async #roundTrip(): Promise<void> {
    const send = [...this.#toSend];
    const keys = [...new Set([...send, ...this.#toRefresh])];
    this.#toSend.clear();
    this.#toRefresh.clear();
    if (keys.length === 0) return;
    const sending = new Map<string, SafetyCounts>();
    for (const k of send) {
      const e = this.#entries.get(k);
      if (!e || isZero(e.pending)) continue;
      e.inflight = plus(e.inflight, e.pending);
      sending.set(k, e.pending);
      e.pending = zeroCounts();
    }
    const p = this.redis.pipeline();
    // Where each key's HGETALL reply will be (after that key's own increments).
    const replyAt: number[] = [];
    let n = 0;
    for (const k of keys) {
      const rk = `${this.o.prefix}safety:counts:${k}`;
      const c = sending.get(k);
      if (c) {
        for (const f of FIELDS) if (c[f] > 0) p.hincrby(rk, f, c[f]), n++;
        p.expire(rk, this.o.ttlSeconds);
        n++;
      }
      p.hgetall(rk);
      replyAt.push(n++);
    }
    try {
      const results = await p.exec();
      const failed = results?.find(([err]) => err);
      if (!results || failed) throw failed?.[0] ?? new Error('pipeline discarded');
      const at = this.#now();
      // Round trips never overlap (#run chains them), so `inflight` is exactly what this one sent.
      keys.forEach((k, i) => {
        const e = this.#entries.get(k);
        if (!e) return;
        e.base = parseCounts(results[replyAt[i]!]?.[1] as Record<string, string> | undefined);
        e.inflight = zeroCounts();
        e.at = at;
      });
      if (this.#down) {
        this.#down = false;
        this.o.log.info('safety counts: Redis reachable again; counts shared between replicas');
      }
    } catch (err) {
      // Not sent (or not confirmed): counted here until Redis is back, then sent. A reply lost after Redis applied
      // the increments counts them twice, which errs towards detection.
      const at = this.#now();
      for (const k of keys) {
        const e = this.#entries.get(k);
        if (!e) continue;
        // Not re-read before refreshMs: an outage must not cost a failing round trip per request.
        e.at = at;
        const c = sending.get(k);
        if (!c) continue;
        e.inflight = zeroCounts();
        e.pending = plus(e.pending, c);
        this.#toSend.add(k);
      }
      if (!this.#down) {
        this.#down = true;
        this.o.log.warn('safety counts: Redis unreachable; counting on this replica only until it is back', { error: (err as Error).message });
      }
      if (this.#toSend.size > 0 && !this.#retry) {
        this.#retry = setTimeout(() => {
          this.#retry = undefined;
          void this.#run();
        }, this.o.retryMs ?? 1_000);
        this.#retry.unref();
      }
    }
  }
}
