// RiskService.flush keeps changed profiles and incidents until a save succeeds; the composition reads the
// safety service's own counters.
import { describe, expect, it } from 'vitest';
import { configSchema } from '../config/schema.js';
import { createLogger } from '../log.js';
import { SafetyCounterStore, SafetyCounters } from '../safety/counters.js';
import { SafetyService } from '../safety/service.js';
import type { Store } from '../store/port.js';
import { createRiskService } from './build.js';
import { riskConfigSchema } from './config.js';
import type { Incident } from './incidents.js';
import { IpIntel } from './ip/intel.js';
import { newProfile, type KeyProfile } from './profile.js';
import { MemoryRiskStore } from './profile-store.js';
import { RiskService } from './service.js';
import { facts } from '../../test/support/risk-fixtures.js';

/** The memory store, failing every write while `down` is set (what a lost database connection looks like). */
class FlakyRiskStore extends MemoryRiskStore {
  down = true;
  writes = 0;
  override async save(batch: readonly KeyProfile[]): Promise<void> {
    this.writes++;
    if (this.down) throw new Error('connection reset');
    return super.save(batch);
  }
  override async saveIncidents(batch: readonly Incident[]): Promise<void> {
    this.writes++;
    if (this.down) throw new Error('connection reset');
    return super.saveIncidents(batch);
  }
}

const service = (store: MemoryRiskStore): RiskService =>
  new RiskService({ config: riskConfigSchema.parse({ flushIntervalMs: 1_000_000 }), intel: new IpIntel(undefined), store, log: createLogger('silent'), suspendKey: async () => undefined });

describe('RiskService.flush with a failing store', () => {
  it('keeps changed profiles and incidents until a save succeeds', async () => {
    const store = new FlakyRiskStore();
    const risk = service(store);
    const p = newProfile('k1', 't1', 1_000_000);
    risk.decide(facts({ time: 1_000_000 }), p);
    const { incident } = risk.decide(facts({ time: 1_000_100, canary: true, requestId: 'canary' }), p);
    expect(incident).toBeDefined();
    await risk.flush();
    await risk.flush();
    expect(store.writes).toBeGreaterThanOrEqual(4);
    expect(store.profiles.size).toBe(0);
    expect(store.incidents.size).toBe(0);

    // Nothing touches the key again: the store coming back is enough for the next flush to save both.
    store.down = false;
    await risk.flush();
    expect(JSON.parse(store.profiles.get('k1')!)).toMatchObject({ keyId: 'k1', incidentId: incident!.id });
    expect(store.incidents.get(incident!.id)).toMatchObject({ id: incident!.id, keyId: 'k1' });

    // Saved once: the next flush has nothing left to write.
    const before = store.writes;
    await risk.flush();
    expect(store.writes).toBe(before);
    await risk.close();
  });

  it('after a failed save, the latest state of the profile is what gets saved', async () => {
    const store = new FlakyRiskStore();
    const risk = service(store);
    const p = newProfile('k1', 't1', 1_000_000);
    risk.decide(facts({ time: 1_000_000 }), p);
    const flushing = risk.flush();
    const q = newProfile('k1', 't1', 2_000_000);
    risk.touched(q);
    await flushing;
    store.down = false;
    await risk.flush();
    expect(JSON.parse(store.profiles.get('k1')!)).toEqual(JSON.parse(JSON.stringify(q)));
    expect(q.first).not.toBe(p.first);
    await risk.close();
  });
});

describe('createRiskService', () => {
  it("reads the safety service's own counter store, not the process-wide one", async () => {
    const own = new SafetyCounterStore();
    own.add('k-own', 'blocks', 3);
    SafetyCounters.reset('k-own');
    const config = configSchema.parse({ adminToken: 'x'.repeat(32), upstreams: [{ kind: 'openai', name: 'o', apiKey: 'sk-test' }], risk: { enabled: false } });
    const store = { kind: 'sqlite' } as unknown as Store;
    const safety = new SafetyService(config.safety, { getSetting: async () => undefined, setSetting: async () => undefined }, own);
    const risk = createRiskService(config, { store, safety, pepper: 'p'.repeat(32), keyChanged: () => undefined, log: createLogger('silent') }, new MemoryRiskStore());
    expect(risk.opts.safetyCounts?.('k-own')).toMatchObject({ blocks: 3 });
    await risk.close();
  });
});
