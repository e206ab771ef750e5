// One replay-cache contract over both backends (Redis: the real server).
import { afterAll, describe, expect, it } from 'vitest';
import { openRedis, whenReady } from '../limits/redis-client.js';
import { redisForTests } from '../../test/support/redis.js';
import { MemoryNonceCache } from './memory.js';
import { ReplayCacheFull, type NonceCache } from './port.js';
import { RedisNonceCache } from './redis.js';

const svc = await redisForTests();
const client = 'skip' in svc ? null : openRedis(svc.url);
if (client) await whenReady(client);
afterAll(async () => {
  if (!client || 'skip' in svc) return;
  const keys = await client.keys(`${svc.prefix}*`);
  if (keys.length) await client.del(...keys);
  client.disconnect();
});

const backends: [string, (() => NonceCache) | null][] = [
  ['memory', () => new MemoryNonceCache()],
  ['redis', client && !('skip' in svc) ? () => new RedisNonceCache(client, svc.prefix) : null],
];

describe.each(backends)('nonce cache: %s', (_n, make) => {
  it.skipIf(!make)('accepts a nonce once, refuses the replay, and (two replicas) agrees', async () => {
    const a = make!();
    const b = make!();
    const n = `kid:${Math.random()}`;
    expect(await a.claim(n, 10_000)).toBe(true);
    expect(await a.claim(n, 10_000)).toBe(false);
    if (a.kind === 'redis') expect(await b.claim(n, 10_000)).toBe(false);
    const race = await Promise.all(Array.from({ length: 20 }, () => a.claim(`${n}:race`, 10_000)));
    expect(race.filter(Boolean)).toHaveLength(1);
  });

  it.skipIf(!make)('forgets a nonce after its lifetime', async () => {
    const c = make!();
    const n = `kid:${Math.random()}`;
    expect(await c.claim(n, 30)).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    expect(await c.claim(n, 30)).toBe(true);
  });
});

describe('MemoryNonceCache bound', () => {
  it('stays within max by dropping expired entries first', async () => {
    let now = 0;
    const c = new MemoryNonceCache(2, () => now);
    await c.claim('a', 10);
    await c.claim('b', 1_000);
    now = 20; // a expired
    await c.claim('c', 1_000);
    expect(await c.claim('b', 1_000)).toBe(false); // b survived the eviction
  });

  it('a flood cannot push a live nonce out: when full of live entries, new claims are refused (retryable), replays still are', async () => {
    let now = 0;
    const c = new MemoryNonceCache(1_000, () => now);
    expect(await c.claim('captured', 70_000)).toBe(true);
    now = 5_000;
    for (let i = 0; i < 999; i++) expect(await c.claim(`flood-${i}`, 70_000)).toBe(true);
    now = 10_000;
    const full = await c.claim('flood-next', 70_000).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(full).toBeInstanceOf(ReplayCacheFull);
    expect((full as ReplayCacheFull).retryAfterSeconds).toBe(60); // until the first entry expires
    // The nonce claimed first is still remembered: replaying it is refused, whatever the flood did.
    expect(await c.claim('captured', 70_000)).toBe(false);
    expect(c.size).toBe(1_000);
    // Room comes back as entries expire, oldest first, and only those.
    now = 70_000;
    expect(await c.claim('captured', 70_000)).toBe(true);
    expect(await c.claim('flood-998', 70_000)).toBe(false);
    await expect(c.claim('one-more', 70_000)).rejects.toBeInstanceOf(ReplayCacheFull);
  });

  it('mixed lifetimes expire each at its own time (a long one inserted first does not hold back short ones)', async () => {
    let now = 0;
    const c = new MemoryNonceCache(10, () => now);
    await c.claim('long', 1_000_000);
    for (let i = 0; i < 9; i++) await c.claim(`short-${i}`, 100 + i);
    now = 200;
    for (let i = 0; i < 9; i++) expect(await c.claim(`new-${i}`, 100)).toBe(true);
    expect(await c.claim('long', 1)).toBe(false);
    expect(c.size).toBe(10);
  });
});
