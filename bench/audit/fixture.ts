// What the audit benches write: an audit service over a SQLite data dir, and a typical request event.
import { join } from 'node:path';
import { auditConfigSchema } from '../../src/audit/config.js';
import type { AuditEvent } from '../../src/audit/event.js';
import { loadAuditKeys } from '../../src/audit/keys.js';
import { SqliteAuditLog } from '../../src/audit/log-sqlite.js';
import { AuditService } from '../../src/audit/service.js';
import { AuditWorker } from '../../src/audit/worker-client.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';

/**
 * The audit service of a gateway whose data dir is `dir` (default audit config), and its store; `worker`: with its
 * commits and sealer in the audit worker thread, as `audit.worker: on` gives.
 */
export async function openSqliteAudit(dir: string, worker = false): Promise<{ store: SqliteStore; svc: AuditService }> {
  const path = join(dir, 'warden.db');
  const store = new SqliteStore(path);
  const cfg = auditConfigSchema.parse({});
  const keys = loadAuditKeys(cfg, dir);
  const w = worker
    ? new AuditWorker({ path, dataDir: dir, text: cfg.text, signingKeyPem: keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), sealKey: keys.sealKey, textKey: keys.textKey })
    : undefined;
  const svc = await AuditService.open(store, new SqliteAuditLog(store.db), keys, cfg, dir, () => {}, true, w);
  return { store, svc };
}

/** The `i`-th of a run of ordinary chat request events (distinct request ids). */
export function requestEvent(i: number): AuditEvent {
  return {
    time: new Date().toISOString(),
    kind: 'request',
    requestId: `req_${i.toString(16).padStart(32, '0')}`,
    keyId: 'kid000000001',
    tenantId: 'ten_000000000001',
    clientIp: '203.0.113.7',
    endpoint: 'chat',
    model: 'gpt-4o-mini',
    promptHash: 'ab'.repeat(32),
    status: 200,
    errorCode: null,
    usage: { promptTokens: 12, completionTokens: 30, totalTokens: 42, images: 0 },
    latencyMs: 12.5,
    detail: { route: 'openai', deniedBy: null },
  };
}
