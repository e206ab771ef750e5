// /livez, /healthz and /readyz on the default SQLite store: unauthenticated, cheap, not audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

describe('health endpoints (SQLite)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const auditCount = async (): Promise<number> => (await h.gateway.deps.store.listAudit({ limit: 100_000 })).length;

  it('live and ready with no credentials, and none of it lands in the audit log', async () => {
    const before = await auditCount();
    for (const path of ['/livez', '/healthz']) {
      const res = await h.fetch(path);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    }
    const ready = await h.fetch('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toEqual({ status: 'ready', checks: { store: 'up', audit: 'up' } });
    expect((await h.fetch('/readyz', { method: 'HEAD' })).status).toBe(200);
    expect(await auditCount()).toBe(before);
  });

  it('other methods are not health probes', async () => {
    const res = await h.fetch('/readyz', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('not_found');
  });

  it('not ready once the database file is unusable (the readiness cache lasts 1 s)', async () => {
    await h.gateway.deps.store.close();
    await expect.poll(async () => (await h.fetch('/readyz')).status, { timeout: 3_000, interval: 200 }).toBe(503);
    const body = await (await h.fetch('/readyz')).json();
    expect(body).toMatchObject({ status: 'unavailable', checks: { store: 'down' } });
    expect((await h.fetch('/livez')).status).toBe(200); // the process still serves: restarting it would not fix the file
  });
});

describe('draining on SIGTERM', () => {
  it('answers /readyz 503 "draining" at once while still serving requests, then stops', async () => {
    const h = await startHarness({ config: { server: { host: '127.0.0.1', port: 0, trustedProxies: ['127.0.0.1/32'], drainDelayMs: 800 } } });
    try {
      const k = await h.quickKey();
      const url = h.url;
      const drained = h.gateway.drain();
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('1');
      expect(await ready.json()).toMatchObject({ status: 'draining' });
      expect((await fetch(`${url}/livez`)).status).toBe(200);
      // Still serving while the load balancer notices.
      const chat = await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'still there?' }] });
      expect(chat.choices.length).toBe(1);
      await drained;
      await expect(fetch(`${url}/livez`)).rejects.toThrow();
    } finally {
      await h.close();
    }
  });
});
