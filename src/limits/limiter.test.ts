// One behaviour table run against every limiter backend: memory always, Redis against the real server.
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryLimiter } from './memory.js';
import type { CounterSpec, Limiter } from './port.js';
import { openRedis, whenReady } from './redis-client.js';
import { RedisLimiter } from './redis.js';
import { redisForTests } from '../../test/support/redis.js';

const redis = await redisForTests();
// Near real time: Redis expires buckets by wall clock, so a past T0 would expire at once.
const T0 = Math.floor(Date.now() / 60_000) * 60_000 + 3_600_000;
const MIN = { kind: 'sliding', ms: 60_000 } as const;
let seq = 0;
const uid = (): string => `c${++seq}-${Math.random().toString(36).slice(2, 8)}`;

type Make = () => Promise<{ limiter: Limiter; done: () => Promise<void> }>;
const backends: [string, Make | null][] = [
  ['memory', async () => ({ limiter: new MemoryLimiter(), done: async () => undefined })],
  [
    'redis',
    'skip' in redis
      ? null
      : async () => {
          const client = openRedis(redis.url);
          await whenReady(client);
          return {
            limiter: new RedisLimiter(client, redis.prefix),
            done: async () => {
              const keys = await client.keys(`${redis.prefix}*`);
              if (keys.length) await client.del(...keys);
              client.disconnect();
            },
          };
        },
  ],
];

describe.each(backends)('limiter contract: %s', (_name, make) => {
  if (!make) {
    it.skip('needs the real Redis', () => undefined);
    return;
  }
  let l: Limiter;
  let done: () => Promise<void> = async () => undefined;
  const ready = make().then((x) => {
    l = x.limiter;
    done = x.done;
  });
  afterAll(async () => done());

  it('allows up to the limit, then blocks, within one window', async () => {
    await ready;
    const id = uid();
    const spec: CounterSpec = { id, window: MIN, limit: 3, cost: 1 };
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push((await l.consume([spec], T0 + i)).ok);
    expect(verdicts).toEqual([true, true, true, false, false]);
    const [s] = await l.peek([spec], T0 + 10);
    expect(s?.used).toBe(3);
  });

  it('is all-or-nothing across counters', async () => {
    await ready;
    const a: CounterSpec = { id: uid(), window: MIN, limit: 100, cost: 10 };
    const b: CounterSpec = { id: uid(), window: { kind: 'day' }, limit: 5, cost: 6 };
    const r = await l.consume([a, b], T0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.blocked.id).toBe(b.id);
    const [sa] = await l.peek([a], T0);
    expect(sa?.used).toBe(0);
  });

  it('decays the previous window (sliding) and reports a usable retry time', async () => {
    await ready;
    const spec: CounterSpec = { id: uid(), window: MIN, limit: 10, cost: 1 };
    for (let i = 0; i < 10; i++) await l.consume([spec], T0 + 50_000);
    const blocked = await l.consume([spec], T0 + 62_000); // prev 10 still weighs 10*(58/60)
    expect(blocked.ok).toBe(false);
    if (blocked.ok) return;
    expect(blocked.retryAfterMs).toBeGreaterThan(0);
    expect((await l.consume([spec], T0 + 62_000 + blocked.retryAfterMs - 100)).ok).toBe(false);
    expect((await l.consume([spec], T0 + 62_000 + blocked.retryAfterMs)).ok).toBe(true);
  });

  it('counts unlimited counters without ever blocking', async () => {
    await ready;
    const spec: CounterSpec = { id: uid(), window: { kind: 'month' }, limit: null, cost: 1_000_000 };
    for (let i = 0; i < 3; i++) expect((await l.consume([spec], T0)).ok).toBe(true);
    expect((await l.peek([spec], T0))[0]?.used).toBe(3_000_000);
  });

  it('applies reconciliation to the reservation bucket and never below zero', async () => {
    await ready;
    const spec: CounterSpec = { id: uid(), window: MIN, limit: 1000, cost: 500 };
    await l.consume([spec], T0 + 1_000);
    await l.adjust([{ id: spec.id, window: MIN, delta: -300, at: T0 + 1_000 }]);
    expect((await l.peek([spec], T0 + 2_000))[0]?.used).toBe(200);
    await l.adjust([{ id: spec.id, window: MIN, delta: -900, at: T0 + 1_000 }]);
    expect((await l.peek([spec], T0 + 2_000))[0]?.used).toBe(0);
  });

  it('a late correction for the previous minute lands in that bucket', async () => {
    await ready;
    const spec: CounterSpec = { id: uid(), window: MIN, limit: 1000, cost: 400 };
    await l.consume([spec], T0 + 59_000);
    await l.consume([spec], T0 + 60_500); // a new bucket begins
    await l.adjust([{ id: spec.id, window: MIN, delta: -400, at: T0 + 59_000 }]);
    // 30 s into the minute: previous (0) weighs half, current 400.
    expect((await l.peek([spec], T0 + 90_000))[0]?.used).toBe(400);
  });

  it('sums several corrections and shows queued ones to the next read', async () => {
    await ready;
    const day = { kind: 'day' } as const;
    const spec: CounterSpec = { id: uid(), window: day, limit: null, cost: 0 };
    const queued = [1, 2, 3].map((d) => l.adjust([{ id: spec.id, window: day, delta: d, at: T0 }]));
    expect((await l.peek([spec], T0))[0]?.used).toBe(6);
    await Promise.all(queued);
    expect((await l.peek([spec], T0))[0]?.used).toBe(6);
  });

  it('holds the limit under concurrent consumers', async () => {
    await ready;
    const spec: CounterSpec = { id: uid(), window: MIN, limit: 25, cost: 1 };
    const results = await Promise.all(Array.from({ length: 60 }, () => l.consume([spec], T0)));
    expect(results.filter((r) => r.ok)).toHaveLength(25);
  });
});
