// Verifying a large audit log yields to the event loop between slices; the report is unchanged (SQLite, real socket).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditConfigSchema } from '../../src/audit/config.js';
import type { AuditEvent } from '../../src/audit/event.js';
import { loadAuditKeys } from '../../src/audit/keys.js';
import { AuditService } from '../../src/audit/service.js';
import { SqliteAuditLog } from '../../src/audit/log-sqlite.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { startHarness } from '../harness.js';

const N = 3000;
const cfg = auditConfigSchema.parse({});
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const ev = (i: number): AuditEvent => ({
  time: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString(),
  kind: 'request',
  requestId: `req_${i}`,
  keyId: 'kidA',
  tenantId: 'ten_1',
  status: 200,
  usage: { totalTokens: i },
});

/** A data dir holding N sealed events (more than one page of rows and many slices). */
async function seeded() {
  const dir = mkdtempSync(join(tmpdir(), 'warden-verify-'));
  dirs.push(dir);
  const store = new SqliteStore(join(dir, 'warden.db'));
  const svc = await AuditService.open(store, new SqliteAuditLog(store.db), loadAuditKeys(cfg, dir), cfg, dir);
  for (let i = 0; i < N; i += 500) await store.appendAudit(Array.from({ length: 500 }, (_, k) => ev(i + k)));
  await svc.sealer.sealNow();
  return { dir, store, svc };
}

describe('audit verify in slices', () => {
  it('lets other callbacks run while it checks, and reports the same', async () => {
    const { svc, store } = await seeded();
    let ticks = 0;
    let running = true;
    const tick = (): void => {
      ticks++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const report = await svc.verify();
    running = false;
    // Before, the whole log was checked without one turn of the event loop (row pages come as resolved promises).
    expect(ticks).toBeGreaterThan(1);
    expect(report).toMatchObject({ ok: true, size: N, signedSize: N, unsealedTail: 0, checkpointsChecked: 1 });
    await svc.close();
    await store.close();
  });

  it('a row edited deep in the log is still named at its index', async () => {
    const { svc, store } = await seeded();
    store.db.prepare(`UPDATE audit_events SET body = replace(body, '"status":200', '"status":500') WHERE seq = 2601`).run();
    expect(await svc.verify()).toMatchObject({ ok: false, firstBadIndex: 2600, tamper: 'inserted-or-moved' });
    await svc.close();
    await store.close();
  });

  it('GET /admin/v1/audit/verify over a real socket reports the whole log', async () => {
    const { dir, svc, store } = await seeded();
    await svc.close();
    await store.close();
    const h = await startHarness({ dataDir: dir });
    try {
      const r = await h.admin('GET', '/audit/verify');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ ok: true, signedSize: expect.any(Number) });
      expect(r.body.size).toBeGreaterThanOrEqual(N);
    } finally {
      await h.close();
    }
  });
});
