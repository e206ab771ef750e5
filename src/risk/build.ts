// Composition for the risk domain: IP data and the service the stages and routes share, over the state store it is
// handed (chosen with the backend in src/backends/storage.ts).
import type { Config } from '../config/schema.js';
import type { Deps } from '../deps.js';
import { KeyService } from '../keys/service.js';
import { IpIntel } from './ip/intel.js';
import { loadBundledIpDb } from './ip/load-db.js';
import type { RiskStore } from './profile-store.js';
import { RiskService } from './service.js';
import { WebhookSecretBox } from './webhook-secret.js';
import type { RiskSync } from './sync/port.js';

export function createRiskService(config: Config, deps: Pick<Deps, 'store' | 'pepper' | 'keyChanged' | 'log' | 'safety'>, store: RiskStore, sync?: RiskSync): RiskService {
  // With detection off nothing looks addresses up: the ~24 MB of tables stay unloaded.
  const intel = new IpIntel(config.risk.enabled && config.risk.ipData === 'bundled' ? loadBundledIpDb() : undefined, config.risk.lists);
  const keys = new KeyService(deps);
  const box = new WebhookSecretBox(deps.pepper);
  const unopened = (id: string, err: Error) => deps.log.warn('risk: a stored webhook secret does not open; that webhook is skipped', { webhookId: id, err: err.message });
  return new RiskService({
    config: config.risk,
    intel,
    store,
    log: deps.log,
    suspendKey: async (keyId, reason, requestId) => {
      await keys.suspend(keyId, { actor: 'risk-engine', requestId }, reason);
    },
    // The safety service's own counter store (the one its stages write; shared by replicas through Redis when configured).
    safetyCounts: (keyId) => deps.safety.counters.get(keyId),
    ...(sync ? { sync } : {}),
    // The config file's webhooks and those added through the admin API (shared by every replica through the store).
    // A store outage still leaves the config file's webhooks.
    webhookTargets: async () => [
      ...config.risk.webhooks,
      ...box.openAll(await deps.store.listWebhooks().catch((e: Error) => (deps.log.warn('risk: stored webhooks unreadable', { err: e.message }), [])), unopened),
    ],
  });
}
