// Builds the AuditService for a store and its log adapter (chosen in src/backends/storage.ts): loads the keys, starts the sealer
// (in the audit worker's thread when audit.worker says so, see worker-choice.ts).
import { availableParallelism } from 'node:os';
import type { Config } from '../config/schema.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/port.js';
import { requireSameSecrets } from '../store/secret-fingerprints.js';
import { auditFingerprints } from './key-fingerprints.js';
import { type AuditKeys, loadAuditKeys } from './keys.js';
import type { AuditLogStore } from './log-port.js';
import { AuditService } from './service.js';
import { AuditWorker } from './worker-client.js';
import { auditWorkerChoice } from './worker-choice.js';

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
  const report = (level: 'info' | 'warn' | 'error', msg: string): void => log[level](msg);
  const worker = seal && background ? auditWorker(config, store, keys, log, report) : undefined;
  let svc: AuditService;
  try {
    svc = await AuditService.open(store, logStore, keys, config.audit, config.dataDir, report, seal, worker);
  } catch (e) {
    await worker?.close();
    throw e;
  }
  if (!svc.health.ok) log.error('audit log failed its startup check; checkpoints are paused until an operator runs `warden audit verify`', { problem: svc.health.problem });
  for (const r of svc.health.repaired) log.warn('audit log repaired at startup', { problem: r });
  if (background) svc.startBackground();
  return svc;
}

function auditWorker(config: Config, store: Store, keys: AuditKeys, log: Logger, report: (level: 'info' | 'warn' | 'error', msg: string) => void): AuditWorker | undefined {
  const file = 'db' in store ? (store.db as { name?: string }).name : undefined;
  const choice = auditWorkerChoice(config.audit.worker, availableParallelism(), { kind: store.kind, file });
  if (!choice.use) {
    if (choice.why) log.warn(choice.why);
    return undefined;
  }
  log.info('audit log commits and seals in a worker thread', { setting: config.audit.worker });
  return new AuditWorker(
    {
      path: choice.path,
      dataDir: config.dataDir,
      text: config.audit.text,
      signingKeyPem: keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      sealKey: keys.sealKey,
      textKey: keys.textKey,
    },
    report,
  );
}
