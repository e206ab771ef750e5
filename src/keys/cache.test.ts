import { describe, expect, it } from 'vitest';
import { KeyCache } from './cache.js';
import type { KeyRecord } from './types.js';

describe('KeyCache', () => {
  it('serves from memory until invalidated, then reloads', async () => {
    let loads = 0;
    let status: KeyRecord['status'] = 'active';
    const c = new KeyCache(async (kid) => (loads++, { id: kid, status } as KeyRecord), { ttlMs: 60_000 });
    expect((await c.get('a'))!.status).toBe('active');
    await c.get('a');
    expect(loads).toBe(1);
    status = 'revoked';
    c.invalidate('a');
    expect((await c.get('a'))!.status).toBe('revoked');
    expect(loads).toBe(2);
  });
  it('a load racing an invalidation does not repopulate a stale entry', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let status: KeyRecord['status'] = 'active';
    const c = new KeyCache(async (kid) => {
      const snapshot = status;
      await gate;
      return { id: kid, status: snapshot } as KeyRecord;
    });
    const p = c.get('a');
    c.invalidate('a');
    status = 'revoked';
    release();
    await p;
    expect((await c.get('a'))!.status).toBe('revoked');
  });
  it('clear() forces every key to reload', async () => {
    let loads = 0;
    const c = new KeyCache(async (kid) => (loads++, { id: kid } as KeyRecord), { ttlMs: 60_000 });
    await c.get('a');
    await c.get('b');
    c.clear();
    expect(c.size).toBe(0);
    await c.get('a');
    expect(loads).toBe(3);
  });
  it('is bounded', async () => {
    const c = new KeyCache(async (kid) => ({ id: kid }) as KeyRecord, { max: 10 });
    for (let i = 0; i < 50; i++) await c.get(`k${i}`);
    expect(c.size).toBe(10);
  });
  it('evicts the least recently used key, not the least recently loaded', async () => {
    const loads: string[] = [];
    const c = new KeyCache(async (kid) => (loads.push(kid), { id: kid } as KeyRecord), { max: 2, ttlMs: 60_000 });
    await c.get('a', 0);
    await c.get('b', 0);
    await c.get('a', 1); // a is now the most recently used
    await c.get('c', 2); // evicts b
    await c.get('a', 3);
    expect(loads).toEqual(['a', 'b', 'c']);
    await c.get('b', 4);
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
  });
  it('an expired entry is reloaded, and a hit on it does not count as a use', async () => {
    const loads: string[] = [];
    const c = new KeyCache(async (kid) => (loads.push(kid), { id: kid } as KeyRecord), { max: 10, ttlMs: 10 });
    await c.get('a', 0);
    await c.get('a', 5);
    await c.get('a', 20);
    expect(loads).toEqual(['a', 'a']);
  });
  it('keeps serving a cached key when the store fails', async () => {
    let fail = false;
    const c = new KeyCache(
      async (kid) => {
        if (fail) throw new Error('db down');
        return { id: kid } as KeyRecord;
      },
      { ttlMs: 1 },
    );
    await c.get('a', 0);
    fail = true;
    expect(await c.get('a', 10_000)).toEqual({ id: 'a' });
    await expect(c.get('b', 10_000)).rejects.toThrow('db down');
  });
});
