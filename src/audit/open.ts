// Builds the AuditService for a store and its log adapter (chosen in src/backends/storage.ts): loads the keys, starts the sealer.
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/port.js';
import { requireSameSecrets } from '../store/secret-fingerprints.js';
import { auditFingerprints } from './key-fingerprints.js';
import { loadAuditKeys } from './keys.js';
import type { AuditLogStore } from './log-port.js';
import { AuditService } from './service.js';

export async function openAuditService(
  config: Config,
  store: Store,
  logStore: AuditLogStore,
  log: Logger,
  background = true,
  seal = true,
  keys = loadAuditKeys(config.audit, config.dataDir),
): Promise<AuditService> {
  // Whoever writes to the log (seals, checkpoints) must hold the keys the store was initialised with: checked
  // before the first seal, so a misconfigured replica never signs anything.
  if (seal) await requireSameSecrets(store, auditFingerprints(keys));
  const svc = await AuditService.open(store, logStore, keys, config.audit, config.dataDir, (level, msg) => log[level](msg), seal);
  if (!svc.health.ok) log.error('audit log failed its startup check; checkpoints are paused until an operator runs `warden audit verify`', { problem: svc.health.problem });
  for (const r of svc.health.repaired) log.warn('audit log repaired at startup', { problem: r });
  if (background) svc.startBackground();
  return svc;
}
