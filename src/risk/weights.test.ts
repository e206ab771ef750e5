import { describe, expect, it } from 'vitest';
import { assess, inputFor } from './engine.js';
import { SIGNALS } from './signals/index.js';
import { CLOUD, facts, ownerProfile, settings } from '../../test/support/risk-fixtures.js';

describe('signal weights per policy (memoised per weights object)', () => {
  it('each policy scores with its own overrides, whatever was scored before', () => {
    const { profile, tracker, t } = ownerProfile();
    // Another client too: network novelty alone from the owner's client is held under flagAt (engine.ts).
    const f = facts({ time: t, net: CLOUD, fingerprint: { coarse: 'curl', fine: 'curl-8', label: 'curl' } });
    const src = tracker.get(f.sourceId, f.time);
    const use = tracker.noteKey(src, f.keyId, f.tenantId, f.probe, f.time);
    const score = (weights: Record<string, number>) => {
      const s = settings({ weights });
      return assess(inputFor(f, profile, src, use, s), s);
    };
    const base = score({});
    const hit = base.signals.find((h) => h.name === 'new-network');
    expect(hit).toBeDefined();
    const def = SIGNALS.find((s) => s.name === 'new-network')!.weight;
    expect(hit!.weight).toBe(def);
    const heavier = score({ 'new-network': def + 17 });
    expect(heavier.signals.find((h) => h.name === 'new-network')!.weight).toBe(def + 17);
    expect(heavier.score).toBe(base.score + 17);
    const off = score({ 'new-network': 0 });
    expect(off.signals.some((h) => h.name === 'new-network')).toBe(false);
    expect(score({}).score).toBe(base.score);
    expect(score({ 'new-network': def + 17 }).score).toBe(heavier.score);
  });
});
