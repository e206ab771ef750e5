import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { riskConfigSchema } from './config.js';
import { IpIntel } from './ip/intel.js';
import { newProfile } from './profile.js';
import { MemoryRiskStore } from './profile-store.js';
import { RiskService } from './service.js';
import type { RiskObservation, RiskSync } from './sync/port.js';
import { facts } from '../../test/support/risk-fixtures.js';
import { applyRemote } from './sync/apply.js';

describe('RiskService publishing to a shared sync', () => {
  it('publishes every allowed request to a shared sync (only the single-process one is skipped)', async () => {
    const seen: RiskObservation[] = [];
    const sync: RiskSync = { kind: 'redis', publish: (o) => void seen.push(o), subscribe: () => undefined, close: async () => undefined };
    const risk = new RiskService({
      config: riskConfigSchema.parse({ flushIntervalMs: 1_000_000 }),
      intel: new IpIntel(undefined),
      store: new MemoryRiskStore(),
      log: createLogger('silent'),
      suspendKey: async () => undefined,
      sync,
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

  it('shares declared networks; the other replica merges them into the profile it holds, and ignores malformed ones', async () => {
    const sent: RiskObservation[] = [];
    const make = (publish: (o: RiskObservation) => void): RiskService =>
      new RiskService({
        config: riskConfigSchema.parse({ flushIntervalMs: 1_000_000 }),
        intel: new IpIntel(undefined),
        store: new MemoryRiskStore(),
        log: createLogger('silent'),
        suspendKey: async () => undefined,
        sync: { kind: 'redis', publish, subscribe: () => undefined, close: async () => undefined },
      });
    const a = make((o) => void sent.push(o));
    const echoed: RiskObservation[] = [];
    const b = make((o) => void echoed.push(o));
    const onB = await b.profileFor('k1', 't1', 1_000_000); // B holds the key's profile in memory already
    a.declareNetworks(await a.profileFor('k1', 't1', 1_000_000), { cidrs: ['203.0.113.0/24'], asns: [64500] });
    expect(sent).toEqual([{ t: 'declared', keyId: 'k1', tenantId: 't1', cidrs: ['203.0.113.0/24'], asns: [64500] }]);
    await applyRemote(b, sent[0]!);
    expect(onB.declared).toEqual({ cidrs: ['203.0.113.0/24'], asns: [64500] });
    expect(echoed).toEqual([]); // applied, not published again
    for (const bad of [
      { t: 'declared', keyId: 'k1', tenantId: 't1', cidrs: ['not a cidr'], asns: [] },
      { t: 'declared', keyId: 'k1', tenantId: 't1', cidrs: [], asns: [-1] },
      { t: 'declared', keyId: 'k1', tenantId: 't1', cidrs: Array.from({ length: 33 }, (_, i) => `10.${i}.0.0/16`), asns: [] },
      { t: 'declared', keyId: 'k1', tenantId: 't1', cidrs: 'x', asns: [] },
    ])
      await applyRemote(b, bad as unknown as RiskObservation);
    expect(onB.declared).toEqual({ cidrs: ['203.0.113.0/24'], asns: [64500] });
    await a.close();
    await b.close();
  });
});
