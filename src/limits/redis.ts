// Shared limiter on Redis: one Lua script checks and consumes every counter of a request atomically.
import type { Redis } from 'ioredis';
import { evaluate } from './evaluate.js';
import type { Adjustment, ConsumeResult, CounterSpec, CounterState, Limiter, RawValue } from './port.js';
import { LimiterUnavailable } from './port.js';
import { bucketsAt, stateOf } from './window.js';

// KEYS: cur1, prev1, cur2, prev2, ... (prev = cur for calendar windows, read once).
// ARGV: n, then per counter: limit (-1 = unlimited), cost, prevWeight, expireAtMs.
// Mirrors window.ts `fits` exactly; returns cur1, prev1, ..., blockedIndex (0 = none).
const CONSUME = `
local n = tonumber(ARGV[1])
local out = {}
local blocked = 0
for i = 1, n do
  local ck, pk = KEYS[2*i-1], KEYS[2*i]
  local cur = tonumber(redis.call('GET', ck) or '0')
  local prev = 0
  if pk ~= ck then prev = tonumber(redis.call('GET', pk) or '0') end
  out[2*i-1] = cur
  out[2*i] = prev
  local b = 1 + (i-1)*4
  local limit = tonumber(ARGV[b+1])
  if blocked == 0 and limit >= 0 then
    local used = prev * tonumber(ARGV[b+3]) + cur
    if used >= limit or used + tonumber(ARGV[b+2]) > limit then blocked = i end
  end
end
if blocked == 0 then
  for i = 1, n do
    local b = 1 + (i-1)*4
    local cost = tonumber(ARGV[b+2])
    if cost ~= 0 then
      redis.call('INCRBY', KEYS[2*i-1], cost)
      redis.call('PEXPIREAT', KEYS[2*i-1], ARGV[b+4])
    end
  end
end
out[2*n+1] = blocked
return out
`;

// KEYS: key; ARGV: delta, expireAtMs. Counts never go below zero.
const ADJUST = `
local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if v < 0 then redis.call('SET', KEYS[1], 0) end
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
return 1
`;

interface Scripts {
  wardenConsume(...args: (string | number)[]): Promise<number[]>;
  wardenAdjust(...args: (string | number)[]): Promise<number>;
}

/** Corrections and plain counts waiting for the next flush, summed per Redis key; its callers share one outcome. */
interface Batch {
  readonly items: Map<string, { delta: number; expireAt: number }>;
  readonly done: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
  timer: NodeJS.Timeout | undefined;
}

export interface RedisLimiterOptions {
  /**
   * How long adjustments (reconciliations, usage of unlimited counters) wait to be sent together:
   * one pipeline per interval instead of one per request. Reads (peek) and close flush first.
   */
  flushMs?: number;
}

export class RedisLimiter implements Limiter {
  readonly kind = 'redis' as const;
  private readonly r: Redis & Scripts;
  private batch: Batch | undefined;
  private readonly flushMs: number;

  constructor(
    client: Redis,
    private readonly prefix = 'warden:',
    opts: RedisLimiterOptions = {},
  ) {
    if (!('wardenConsume' in client)) {
      client.defineCommand('wardenConsume', { lua: CONSUME });
      client.defineCommand('wardenAdjust', { lua: ADJUST, numberOfKeys: 1 });
    }
    this.r = client as Redis & Scripts;
    this.flushMs = opts.flushMs ?? 5;
  }

  async consume(specs: readonly CounterSpec[], now: number): Promise<ConsumeResult> {
    if (specs.length === 0) return { ok: true, states: [] };
    const keys: string[] = [];
    const argv: (string | number)[] = [specs.length];
    for (const s of specs) {
      const b = bucketsAt(s.window, now);
      const cur = this.name(s.id, b.cur);
      keys.push(cur, b.prev === null ? cur : this.name(s.id, b.prev));
      argv.push(s.limit === null ? -1 : s.limit, s.cost, b.prevWeight, b.expireAt);
    }
    const out = await this.call(() => this.r.wardenConsume(keys.length, ...keys, ...argv));
    const values: RawValue[] = specs.map((_, i) => ({ cur: Number(out[2 * i] ?? 0), prev: Number(out[2 * i + 1] ?? 0) }));
    // The script's verdict is authoritative; evaluate() only shapes states and retry time.
    return evaluate(specs, values, now, Number(out[2 * specs.length] ?? 0) - 1);
  }

  /** Queued and summed per bucket; resolves once sent (rejects with LimiterUnavailable if that failed). */
  adjust(adjustments: readonly Adjustment[]): Promise<void> {
    let batch = this.batch;
    for (const a of adjustments) {
      if (a.delta === 0) continue;
      batch ??= this.openBatch();
      const b = bucketsAt(a.window, a.at);
      const name = this.name(a.id, b.cur);
      const item = batch.items.get(name);
      if (item) {
        item.delta += Math.trunc(a.delta);
        item.expireAt = Math.max(item.expireAt, b.expireAt);
      } else batch.items.set(name, { delta: Math.trunc(a.delta), expireAt: b.expireAt });
    }
    return batch ? batch.done : Promise.resolve();
  }

  async peek(specs: readonly CounterSpec[], now: number): Promise<readonly CounterState[]> {
    // This replica's own queued counts are part of what it reports (their callers see a failure).
    if (this.batch) await this.send(this.batch).catch(() => undefined);
    if (specs.length === 0) return [];
    const keys = specs.flatMap((s) => {
      const b = bucketsAt(s.window, now);
      return [this.name(s.id, b.cur), this.name(s.id, b.prev ?? b.cur)];
    });
    const raw = await this.call(() => this.r.mget(...keys));
    return specs.map((s, i) => {
      const prev = s.window.kind === 'sliding' ? Number(raw[2 * i + 1] ?? 0) : 0;
      return stateOf(s, { cur: Number(raw[2 * i] ?? 0), prev }, now, false);
    });
  }

  async ping(): Promise<void> {
    await this.call(() => this.r.ping());
  }

  async close(): Promise<void> {
    // Queued counts go out before the connection does. The client itself is owned by whoever
    // opened it (shared with fan-out and nonces).
    if (this.batch) await this.send(this.batch).catch(() => undefined);
  }

  private openBatch(): Batch {
    let resolve!: () => void;
    let reject!: (err: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Nobody may be waiting (close, peek): an unobserved failure must not crash the process.
    done.catch(() => undefined);
    const batch: Batch = { items: new Map(), done, resolve, reject, timer: undefined };
    batch.timer = setTimeout(() => void this.send(batch).catch(() => undefined), this.flushMs);
    this.batch = batch;
    return batch;
  }

  /** Sends a batch in one pipeline (at most once) and settles its callers. */
  private async send(batch: Batch): Promise<void> {
    if (this.batch === batch) this.batch = undefined;
    clearTimeout(batch.timer);
    if (batch.timer === undefined) return batch.done; // already sent
    batch.timer = undefined;
    try {
      const p = this.r.pipeline();
      for (const [name, { delta, expireAt }] of batch.items) if (delta !== 0) (p as unknown as Scripts).wardenAdjust(name, delta, expireAt);
      if (p.length > 0) {
        const res = await this.call(() => p.exec());
        const failed = res?.find(([err]) => err);
        if (failed?.[0]) throw new LimiterUnavailable(failed[0]);
      }
      batch.resolve();
    } catch (err) {
      batch.reject(err);
    }
    return batch.done;
  }

  private name(id: string, bucket: string): string {
    return `${this.prefix}l:${id}|${bucket}`;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw new LimiterUnavailable(err);
    }
  }
}
