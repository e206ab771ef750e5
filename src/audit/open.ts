// Builds the AuditService for a store: picks the log adapter, loads the keys, starts the sealer.
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/port.js';
import { requireSameSecrets } from '../store/secret-fingerprints.js';
import { SqliteStore } from '../store/sqlite/store.js';
import { auditFingerprints } from './key-fingerprints.js';
import { loadAuditKeys } from './keys.js';
import type { AuditLogStore } from './log-port.js';
import { AuditService } from './service.js';
import { SqliteAuditLog } from './sqlite-log.js';

/** A backend other than SQLite exposes its adapter as `store.auditLogStore`. */
export function auditLogStoreFor(store: Store): AuditLogStore {
  if (store instanceof SqliteStore) return new SqliteAuditLog(store.db);
  const own = (store as Store & { auditLogStore?: AuditLogStore }).auditLogStore;
  if (own) return own;
  throw new Error(`the ${store.kind} store does not provide an audit log adapter (auditLogStore)`);
}

export async function openAuditService(config: Config, store: Store, log: Logger, background = true, seal = true, keys = loadAuditKeys(config.audit, config.dataDir)): Promise<AuditService> {
  // Whoever writes to the log (seals, checkpoints) must hold the keys the store was initialised with: checked
  // before the first seal, so a misconfigured replica never signs anything.
  if (seal) await requireSameSecrets(store, auditFingerprints(keys));
  const svc = await AuditService.open(store, auditLogStoreFor(store), keys, config.audit, config.dataDir, (level, msg) => log[level](msg), seal);
  if (!svc.health.ok) log.error('audit log failed its startup check; checkpoints are paused until an operator runs `warden audit verify`', { problem: svc.health.problem });
  for (const r of svc.health.repaired) log.warn('audit log repaired at startup', { problem: r });
  if (background) svc.startBackground();
  return svc;
}
