// Tampering directly in the SQLite store: verify must fail and name the first bad index.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical.js';
import { auditConfigSchema } from '../../src/audit/config.js';
import type { AuditEvent } from '../../src/audit/event.js';
import { loadAuditKeys } from '../../src/audit/keys.js';
import { AuditService } from '../../src/audit/service.js';
import { SqliteAuditLog } from '../../src/audit/log-sqlite.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';

const cfg = auditConfigSchema.parse({});
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const ev = (i: number): AuditEvent => ({
  time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  kind: 'request',
  requestId: `req_${i}`,
  keyId: i % 2 ? 'kidA' : 'kidB',
  tenantId: 'ten_1',
  status: 200,
  usage: { totalTokens: i },
});

/** A log of n events, all sealed under a signed checkpoint, plus a handle on the raw db. */
async function log(n = 10) {
  const dir = mkdtempSync(join(tmpdir(), 'warden-audit-'));
  dirs.push(dir);
  const store = new SqliteStore(join(dir, 'warden.db'));
  const open = () => AuditService.open(store, new SqliteAuditLog(store.db), loadAuditKeys(cfg, dir), cfg, dir);
  const svc = await open();
  await store.appendAudit(Array.from({ length: n }, (_, i) => ev(i)));
  await svc.sealer.sealNow();
  return { dir, store, db: store.db, svc, open };
}

describe('audit verify', () => {
  it('passes on an untouched log, with every checkpoint checked', async () => {
    const { svc, store } = await log(10);
    await store.appendAudit([ev(10), ev(11)]);
    const r = await svc.verify();
    expect(r).toMatchObject({ ok: true, size: 12, signedSize: 10, unsealedTail: 2 });
    await svc.sealer.sealNow();
    expect(await svc.verify()).toMatchObject({ ok: true, size: 12, signedSize: 12, checkpointsChecked: 2, unsealedTail: 0 });
  });

  it('a long run is sealed in slices while new rows keep arriving, and every row verifies', async () => {
    const { svc, store } = await log(0);
    await store.appendAudit(Array.from({ length: 1000 }, (_, i) => ev(i)));
    let appended = 1000;
    // Rows committed while the sealer yields between slices: sealed in this run or the next, never skipped.
    const sealing = svc.sealer.sealNow();
    for (let k = 0; k < 5; k++) {
      await new Promise<void>((r) => setImmediate(r));
      await store.appendAudit(Array.from({ length: 50 }, (_, i) => ev(appended + i)));
      appended += 50;
    }
    await sealing;
    await svc.sealer.sealNow();
    expect(await svc.verify()).toMatchObject({ ok: true, size: appended, signedSize: appended, unsealedTail: 0 });
    expect(svc.health).toMatchObject({ ok: true, treeSize: appended });
  });

  type Db = SqliteStore['db'];
  const swap = (db: Db, a: number, b: number) => {
    const get = (s: number) => db.prepare('SELECT body FROM audit_events WHERE seq = ?').get(s) as { body: string };
    const [ba, bb] = [get(a).body, get(b).body];
    const cols = (body: string) => {
      const e = JSON.parse(body) as AuditEvent;
      return [e.time, e.requestId, e.keyId, body];
    };
    db.prepare('UPDATE audit_events SET time = ?, request_id = ?, key_id = ?, body = ? WHERE seq = ?').run(...cols(bb), a);
    db.prepare('UPDATE audit_events SET time = ?, request_id = ?, key_id = ?, body = ? WHERE seq = ?').run(...cols(ba), b);
  };

  it.each<[string, (db: Db) => void, number, string]>([
    ['edit a body field (status 200 → 500)', (db) => db.prepare(`UPDATE audit_events SET body = replace(body, '"status":200', '"status":500') WHERE seq = 4`).run(), 3, 'inserted-or-moved'],
    ['edit an indexed column only (key_id)', (db) => db.prepare(`UPDATE audit_events SET key_id = 'kidZ' WHERE seq = 6`).run(), 5, 'edited'],
    ['edit the body and its columns consistently', (db) => db.prepare(`UPDATE audit_events SET body = replace(body, '"kidA"', '"kidC"'), key_id = 'kidC' WHERE seq = 2`).run(), 1, 'inserted-or-moved'],
    ['delete a row in the middle', (db) => db.prepare('DELETE FROM audit_events WHERE seq = 5').run(), 4, 'removed'],
    ['reorder two rows', (db) => swap(db, 7, 8), 6, 'inserted-or-moved'],
    [
      'insert a row (later rows renumbered)',
      (db) => {
        db.prepare('UPDATE audit_events SET seq = -seq WHERE seq >= 3').run();
        db.prepare('UPDATE audit_events SET seq = -seq + 1 WHERE seq < 0').run();
        const body = JSON.stringify({ kind: 'request', requestId: 'forged', time: '2026-01-01T00:00:02.500Z' });
        db.prepare(`INSERT INTO audit_events (seq, time, kind, request_id, body) VALUES (3, '2026-01-01T00:00:02.500Z', 'request', 'forged', ?)`).run(body);
      },
      2,
      'inserted-or-moved',
    ],
    ['truncate the last three rows', (db) => db.prepare('DELETE FROM audit_events WHERE seq > 7').run(), 7, 'truncated'],
    ['drop a seal under a checkpoint', (db) => db.prepare('DELETE FROM audit_seals WHERE seq = 9').run(), 8, 'unsealed'],
  ])('%s → fails at index %i', async (_, tamper, index, kind) => {
    const { svc, db } = await log(10);
    tamper(db);
    const r = await svc.verify();
    expect(r.ok).toBe(false);
    expect(r.firstBadIndex).toBe(index);
    expect(r.tamper).toBe(kind);
  });

  it('truncating the events and the checkpoints together is caught by the pinned checkpoint file', async () => {
    const { svc, db } = await log(10);
    db.prepare('DELETE FROM audit_events WHERE seq > 6').run();
    db.prepare('DELETE FROM audit_checkpoints').run();
    const r = await svc.verify();
    expect(r).toMatchObject({ ok: false, firstBadIndex: 6, tamper: 'truncated' });
  });

  it('a forged checkpoint row fails its signature', async () => {
    const { svc, db } = await log(10);
    db.prepare(`UPDATE audit_checkpoints SET root = ? WHERE tree_size = 10`).run('00'.repeat(32));
    expect(await svc.verify()).toMatchObject({ ok: false, tamper: 'checkpoint' });
  });

  /** A row written by another process (as the CLI does): this one never saw it. */
  const foreignInsert = (db: Db, e: AuditEvent, body = canonicalJson(e as never)) =>
    db.prepare('INSERT INTO audit_events (time, kind, request_id, key_id, tenant_id, body) VALUES (?, ?, ?, ?, ?, ?)').run(e.time, e.kind, e.requestId, e.keyId ?? null, e.tenantId ?? null, body);

  it('the sealer refuses to sign over a bad row written elsewhere and reports it', async () => {
    const { svc, db, store } = await log(4);
    await store.appendAudit([ev(4)]);
    foreignInsert(db, ev(5));
    db.prepare(`UPDATE audit_events SET tenant_id = 'other' WHERE seq = 6`).run();
    await store.appendAudit([ev(6)]);
    await svc.sealer.sealNow();
    expect(svc.health).toMatchObject({ ok: false });
    expect(svc.health.problem).toMatch(/event 5/);
    expect((await svc.log.latestCheckpoint())?.treeSize).toBe(4);
  });

  it('the sealer checks and seals good rows written elsewhere between its own', async () => {
    const { svc, db, store } = await log(4);
    await store.appendAudit([ev(4)]);
    foreignInsert(db, ev(5));
    foreignInsert(db, ev(6));
    await store.appendAudit([ev(7)]);
    await svc.sealer.sealNow();
    expect(svc.health).toMatchObject({ ok: true, treeSize: 8 });
    expect(await svc.verify()).toMatchObject({ ok: true, size: 8, signedSize: 8, unsealedTail: 0 });
  });

  it('the sealer stops at a gap before a row of its own', async () => {
    const { svc, db, store } = await log(4);
    foreignInsert(db, ev(4));
    db.prepare('DELETE FROM audit_events WHERE seq = 5').run();
    await store.appendAudit([ev(5)]);
    await svc.sealer.sealNow();
    expect(svc.health).toMatchObject({ ok: false });
    expect(svc.health.problem).toMatch(/event 4 is missing/);
  });

  it('a row of its own edited before sealing is sealed as it was written, so verify names the edit', async () => {
    const { svc, db, store } = await log(4);
    await store.appendAudit([ev(4), ev(5)]);
    db.prepare(`UPDATE audit_events SET body = replace(body, '"status":200', '"status":500') WHERE seq = 6`).run();
    await svc.sealer.sealNow();
    expect((await svc.log.latestCheckpoint())?.treeSize).toBe(6);
    expect(await svc.verify()).toMatchObject({ ok: false, firstBadIndex: 5 });
  });

  it('a torn pinned checkpoint file is reported and repaired at start', async () => {
    const { dir, open, svc } = await log(5);
    writeFileSync(join(dir, 'audit', 'checkpoint.json'), '{"treeSize":5,"ro');
    const again = await open();
    expect(again.health.ok).toBe(true);
    expect(again.health.repaired.join()).toMatch(/torn/);
    expect(await svc.verify()).toMatchObject({ ok: true, size: 5 });
  });

  it('a store rolled back behind the pinned file stops the sealer at start', async () => {
    const { open, db } = await log(5);
    db.prepare('DELETE FROM audit_checkpoints').run();
    const again = await open();
    expect(again.health).toMatchObject({ ok: false });
    expect(again.health.problem).toMatch(/behind the pinned checkpoint/);
  });
});
