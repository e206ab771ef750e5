// On a refusal, x-ratelimit-reset-* of the counter that lacks room agrees with retry-after (memory and real Redis).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denialOf } from './denial.js';
import { MemoryLimiter } from './memory.js';
import type { CounterSpec, Limiter } from './port.js';
import { RedisLimiter } from './redis.js';
import { redisForTests } from '../../test/support/redis.js';

const svc = await redisForTests();
let redis: Redis | undefined;
beforeAll(() => {
  if ('url' in svc) redis = new Redis(svc.url);
});
afterAll(async () => {
  if (redis && 'prefix' in svc) {
    const keys = await redis.keys(`${svc.prefix}*`);
    if (keys.length) await redis.del(...keys);
  }
  redis?.disconnect();
});

const MIN = 60_000;
const rpm = (id: string, limit: number): CounterSpec => ({ id: `k:${id}:rpm`, window: { kind: 'sliding', ms: MIN }, limit, cost: 1 });
const tpm = (id: string, limit: number, cost: number): CounterSpec => ({ id: `k:${id}:tpm`, window: { kind: 'sliding', ms: MIN }, limit, cost });

/** Parses OpenAI's duration style ("1m2.99s", "450ms") back to milliseconds. */
function ms(d: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:([\d.]+)s)?(?:(\d+)ms)?$/.exec(d);
  if (!m) throw new Error(`not a duration: ${d}`);
  return (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000 + Number(m[4] ?? 0);
}

const limiters: [string, () => Limiter | undefined][] = [
  ['memory', () => new MemoryLimiter()],
  ['redis', () => (redis && 'prefix' in svc ? new RedisLimiter(redis, svc.prefix) : undefined)],
];

describe.each(limiters)('%s limiter', (kind, make) => {
  it.skipIf(kind === 'redis' && !('url' in svc)).each([0, 9_000, 30_000, 59_000])('a per-minute limit full at %i ms into the bucket: reset agrees with retry-after', async (offset) => {
    const lim = make()!;
    const id = `${kind}${offset}${Math.random().toString(36).slice(2, 8)}`;
    // Now or shortly after (Redis expires buckets by the clock: a time in the past would expire them at once).
    const t0 = Math.floor(Date.now() / MIN) * MIN + offset;
    for (let i = 0; i < 5; i++) expect((await lim.consume([rpm(id, 5)], t0 + i)).ok).toBe(true);
    const r = await lim.consume([rpm(id, 5)], t0 + 10);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = denialOf(r);
    const reset = ms(d.headers!['x-ratelimit-reset-requests']!);
    expect(reset).toBe(Number(d.headers!['retry-after-ms']));
    expect(Math.ceil(reset / 1000)).toBe(d.retryAfter);
    // Before the fix a full counter reported its full replenishment: up to two windows away.
    expect(reset).toBeLessThanOrEqual(MIN + 15_000);
  });

  it.skipIf(kind === 'redis' && !('url' in svc))('two counters without room: each header is its own wait, the longer one is retry-after', async () => {
    const lim = make()!;
    const id = `${kind}two${Math.random().toString(36).slice(2, 8)}`;
    const t0 = Math.floor(Date.now() / MIN) * MIN + 20_000;
    expect((await lim.consume([rpm(id, 2), tpm(id, 1000, 600)], t0)).ok).toBe(true);
    expect((await lim.consume([rpm(id, 2), tpm(id, 1000, 10)], t0 + 1)).ok).toBe(true);
    const r = await lim.consume([rpm(id, 2), tpm(id, 1000, 600)], t0 + 2);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = denialOf(r);
    const waits = [ms(d.headers!['x-ratelimit-reset-requests']!), ms(d.headers!['x-ratelimit-reset-tokens']!)];
    expect(Math.max(...waits)).toBe(Number(d.headers!['retry-after-ms']));
    for (const w of waits) expect(w).toBeGreaterThan(0);
  });
});
