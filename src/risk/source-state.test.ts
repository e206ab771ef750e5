import { describe, expect, it } from 'vitest';
import { SOURCE_CAPS, SourceTracker, type SourceKeyUse, type SourceState } from './source-state.js';

/** noteKey as it was before its same-tenant-and-key shortcut: delete and re-insert every time. */
function referenceNoteKey(s: SourceState, keyId: string, tenantId: string, probe: boolean, now: number): SourceKeyUse {
  const cap = <K, V>(m: Map<K, V>, max: number): void => {
    while (m.size > max) m.delete(m.keys().next().value as K);
  };
  s.last = now;
  s.tenants.delete(tenantId);
  s.tenants.set(tenantId, now);
  cap(s.tenants, SOURCE_CAPS.tenants);
  let k = s.keys.get(keyId);
  if (k) s.keys.delete(keyId);
  else k = { first: now, n: 0, probes: 0, minuteStart: now, minuteCount: 0 };
  s.keys.set(keyId, k);
  cap(s.keys, SOURCE_CAPS.keys);
  k.n++;
  if (probe && k.n <= 5) k.probes++;
  if (now - k.minuteStart >= 60_000) {
    k.minuteStart = now;
    k.minuteCount = 0;
  }
  k.minuteCount++;
  return k;
}

const snapshot = (s: SourceState) => ({ last: s.last, tenants: [...s.tenants], keys: [...s.keys].map(([id, k]) => [id, { ...k }]) });

describe('SourceTracker.noteKey', () => {
  it('leaves the same maps, in the same order, as deleting and re-inserting every time (runs of repeats, interleaved sources, eviction)', () => {
    const tracker = new SourceTracker(3); // small: sources are evicted and come back as new objects
    const reference = new Map<string, SourceState>();
    let seed = 7;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 5000; i++) {
      const src = `s${rnd(4)}`;
      // Mostly repeats of the previous request, sometimes another tenant or key of the same source.
      const tenant = `t${rnd(10) < 7 ? 0 : rnd(12)}`;
      const key = `k${rnd(10) < 7 ? 0 : rnd(12)}`;
      const now = 1_000_000 + i * 7_000;
      const probe = rnd(5) === 0;
      const s = tracker.get(src, now);
      if (s.first === now || !reference.has(src)) reference.set(src, { ...s, tenants: new Map(), keys: new Map(), badKeys: new Set() });
      const r = reference.get(src)!;
      const a = tracker.noteKey(s, key, tenant, probe, now);
      const b = referenceNoteKey(r, key, tenant, probe, now);
      expect(a).toEqual(b);
      expect(snapshot(s)).toEqual(snapshot(r));
    }
  });

  it('a repeated tenant and key on another source object is recorded on that source', () => {
    const tracker = new SourceTracker(10);
    const a = tracker.get('a', 0);
    const b = tracker.get('b', 0);
    tracker.noteKey(a, 'k1', 't1', false, 1);
    tracker.noteKey(b, 'k1', 't1', false, 2);
    tracker.noteKey(a, 'k1', 't1', false, 3);
    expect(a.keys.get('k1')!.n).toBe(2);
    expect(b.keys.get('k1')!.n).toBe(1);
    expect(a.tenants.get('t1')).toBe(3);
    expect(b.tenants.get('t1')).toBe(2);
  });
});
