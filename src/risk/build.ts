// Composition for the risk domain: IP data, state store, and the service the stages and routes share.
import type { Config } from '../config/schema.js';
import type { Deps } from '../deps.js';
import { KeyService } from '../keys/service.js';
import type { Logger } from '../log.js';
import { PostgresStore } from '../store/postgres/store.js';
import type { Store } from '../store/port.js';
import { SqliteStore } from '../store/sqlite/store.js';
import { IpIntel } from './ip/intel.js';
import { loadBundledIpDb } from './ip/load-db.js';
import { MemoryRiskStore, type RiskStore } from './profile-store.js';
import { PostgresRiskStore } from './profile-store-postgres.js';
import { SqliteRiskStore } from './profile-store-sqlite.js';
import { RiskService } from './service.js';
import type { RiskSync } from './sync/port.js';

export function riskStoreFor(store: Store, log: Logger): RiskStore {
  if (store instanceof SqliteStore) return new SqliteRiskStore(store.db);
  if (store instanceof PostgresStore) return new PostgresRiskStore(store.pool);
  log.warn('risk: no persistent risk store for this backend; profiles live in memory only');
  return new MemoryRiskStore();
}

export function createRiskService(
  config: Config,
  deps: Pick<Deps, 'store' | 'pepper' | 'keyChanged' | 'log' | 'safety'>,
  sync?: RiskSync,
): RiskService {
  // With detection off nothing looks addresses up: the ~24 MB of tables stay unloaded.
  const intel = new IpIntel(config.risk.enabled && config.risk.ipData === 'bundled' ? loadBundledIpDb() : undefined, config.risk.lists);
  const keys = new KeyService(deps);
  return new RiskService({
    config: config.risk,
    intel,
    store: riskStoreFor(deps.store, deps.log),
    log: deps.log,
    suspendKey: async (keyId, reason, requestId) => {
      await keys.suspend(keyId, { actor: 'risk-engine', requestId }, reason);
    },
    // The safety service's own counter store (the one its stages write; shared by replicas through Redis when configured).
    safetyCounts: (keyId) => deps.safety.counters.get(keyId),
    ...(sync ? { sync } : {}),
  });
}
