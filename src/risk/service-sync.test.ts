import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { riskConfigSchema } from './config.js';
import { IpIntel } from './ip/intel.js';
import { newProfile } from './profile.js';
import { MemoryRiskStore } from './profile-store.js';
import { RiskService } from './service.js';
import type { RiskObservation, RiskSync } from './sync/port.js';
import { facts } from '../../test/support/risk-fixtures.js';

describe('RiskService publishing to a shared sync', () => {
  it('publishes every allowed request to a shared sync (only the single-process one is skipped)', async () => {
    const seen: RiskObservation[] = [];
    const sync: RiskSync = { kind: 'redis', publish: (o) => void seen.push(o), subscribe: () => undefined, close: async () => undefined };
    const risk = new RiskService({
      config: riskConfigSchema.parse({ flushIntervalMs: 1_000_000 }), intel: new IpIntel(undefined), store: new MemoryRiskStore(),
      log: createLogger('silent'), suspendKey: async () => undefined, sync,
    });
    const p = newProfile('k1', 't1', 1_000_000);
    for (let i = 0; i < 3; i++) {
      const f = facts({ time: 1_000_000 + i });
      const { result } = risk.decide(f, p);
      expect(result.action).toBe('allow');
      expect(seen[i]).toEqual({ t: 'req', f, r: result });
    }
    expect(seen).toHaveLength(3);
    await risk.close();
  });
});
