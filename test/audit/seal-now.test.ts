// sealNow while a seal is already running: the caller's events are in the next checkpoint, not left out.
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

const cfg = auditConfigSchema.parse({});
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const ev = (i: number): AuditEvent => ({ time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), kind: 'request', requestId: `req_${i}`, keyId: 'kidA', tenantId: 'ten_1', status: 200 });

describe('sealNow during a seal in flight', () => {
  it('covers events written after the in-flight run began', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-sealnow-'));
    dirs.push(dir);
    const store = new SqliteStore(join(dir, 'warden.db'));
    const log = new SqliteAuditLog(store.db);
    const svc = await AuditService.open(store, log, loadAuditKeys(cfg, dir), cfg, dir);
    await store.appendAudit([ev(1)]);
    // A run starts (as the interval timer would) and reads the log with one event in it…
    const inFlight = svc.sealer.sealNow();
    // …then two more events are written and a caller (an export) asks for everything so far.
    await store.appendAudit([ev(2), ev(3)]);
    await svc.sealer.sealNow();
    await inFlight;
    expect((await log.latestCheckpoint())?.treeSize).toBe(3);
    await svc.close();
    await store.close();
  });
});
