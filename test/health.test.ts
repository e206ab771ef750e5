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
    expect(await ready.json()).toEqual({ status: 'ready', checks: { store: 'up' } });
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
    expect(body).toEqual({ status: 'unavailable', checks: { store: 'down' } });
    expect((await h.fetch('/livez')).status).toBe(200); // the process still serves: restarting it would not fix the file
  });
});
