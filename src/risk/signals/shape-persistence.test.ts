import { describe, expect, it } from 'vitest';
import { inputFor } from '../engine.js';
import { CLOUD, facts, HOME, OWNER_SHAPE, ownerProfile, run, settings } from '../../../test/support/risk-fixtures.js';
import type { RequestFacts } from '../types.js';
import { keyPooling } from './key-pooling.js';
import { unfamiliarPersistence } from './persistence.js';
import { requestShapeDrift } from './request-shape.js';
import type { Signal } from './signal.js';

// The owner's ISP (same ASN), another address block: a neighbour, a dynamic address, or a careful thief.
const NEIGHBOUR = { ...HOME, ip: '79.192.77.5' };
const OTHER_ISP = { ...HOME, asn: 8767, ip: '93.104.1.1', org: 'M-net' };
const THIEF_SHAPE = OWNER_SHAPE.map((f) => (f === 'chat|max_tokens=300' ? 'chat|max_tokens=600' : f));

function verdict(sig: Signal, over: Partial<RequestFacts>, prep?: (p: ReturnType<typeof ownerProfile>) => void): string {
  const o = ownerProfile();
  prep?.(o);
  const f = facts({ time: o.t, sourceId: over.net?.ip ?? HOME.ip, ...over });
  const src = o.tracker.get(f.sourceId, f.time);
  const r = sig.evaluate(inputFor(f, o.profile, src, o.tracker.noteKey(src, f.keyId, f.tenantId, f.probe, f.time), settings()), sig.weight);
  return r.verdict === 'hit' ? (r.kind ?? sig.kind) : 'clear';
}

describe('request-shape-drift', () => {
  it.each<[string, Partial<RequestFacts>, string]>([
    ['owner shape from a new block of the owner ISP', { net: NEIGHBOUR }, 'clear'],
    ['new max_tokens from a new block of the owner ISP', { net: NEIGHBOUR, shape: THIEF_SHAPE }, 'usage'],
    ['new max_tokens from another ISP', { net: OTHER_ISP, shape: THIEF_SHAPE }, 'usage'],
    ["new max_tokens at the owner's own block (a deploy)", { shape: THIEF_SHAPE }, 'clear'],
    ["an endpoint the owner never used (modality-shift's business)", { net: OTHER_ISP, endpoint: 'images', shape: ['images|params=prompt'] }, 'clear'],
  ])('%s', (_n, over, expected) => {
    expect(verdict(requestShapeDrift, over)).toBe(expected);
  });

  it('says nothing about a parameter the owner varies freely', () => {
    const varied = (o: ReturnType<typeof ownerProfile>): void => {
      for (const v of [100, 200, 400, 800, 1000, 1200]) o.profile.shapes[`chat|max_tokens=${v}`] = { n: 5, ok: 5, last: o.t };
    };
    expect(verdict(requestShapeDrift, { net: OTHER_ISP, shape: THIEF_SHAPE }, varied)).toBe('clear');
  });

  it("a value a stranger keeps sending stays foreign although the stranger sometimes calls from the owner's block", () => {
    const { profile, tracker, t } = ownerProfile();
    const seen: string[][] = [];
    for (let i = 0; i < 12; i++) {
      const net = i % 3 === 2 ? HOME : NEIGHBOUR;
      const r = run(profile, facts({ time: t + i * 20_000, net, sourceId: net.ip, shape: THIEF_SHAPE }), tracker);
      seen.push(r.signals.map((s) => s.name));
    }
    const s = profile.shapes['chat|max_tokens=600']!;
    expect(s.n).toBe(12);
    expect(s.ok).toBeGreaterThan(0);
    expect(2 * s.ok).toBeLessThan(s.n);
    expect(seen.filter((n) => n.includes('request-shape-drift')).length).toBeGreaterThanOrEqual(6);
  });
});

describe('unfamiliar-persistence', () => {
  it('fires once more untaught uses of unfamiliar blocks than it takes to learn one, and is timing evidence', () => {
    const { profile, tracker, t } = ownerProfile();
    const names: string[][] = [];
    for (let i = 0; i < 6; i++) names.push(run(profile, facts({ time: t + 600_000 + i * 20_000, net: NEIGHBOUR, sourceId: NEIGHBOUR.ip, shape: THIEF_SHAPE }), tracker).signals.map((s) => s.name));
    expect(names.slice(0, 3).some((n) => n.includes('unfamiliar-persistence'))).toBe(false);
    expect(names[5]).toContain('unfamiliar-persistence');
    expect(unfamiliarPersistence.kind).toBe('timing');
  });

  it('never fires for an owner who moves: the new block is learned first', () => {
    const { profile, tracker, t } = ownerProfile();
    for (let i = 0; i < 10; i++) {
      const r = run(profile, facts({ time: t + 600_000 + i * 20_000, net: OTHER_ISP, sourceId: OTHER_ISP.ip }), tracker);
      expect(r.signals.map((s) => s.name)).not.toContain('unfamiliar-persistence');
      expect(r.action).not.toBe('suspend-key');
    }
  });
});

describe('careful thief end to end (engine)', () => {
  it('owner SDK, owner ISP, owner content but its own max_tokens: suspended within 20 requests, with readable reasons', () => {
    const { profile, tracker, t } = ownerProfile();
    let at = 0;
    let last;
    for (let i = 1; i <= 20 && !at; i++) {
      last = run(profile, facts({ time: t + 1_800_000 + i * 30_000, net: NEIGHBOUR, sourceId: NEIGHBOUR.ip, shape: THIEF_SHAPE }), tracker);
      if (last.action === 'suspend-key') at = i;
    }
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThanOrEqual(20);
    expect(last!.signals.find((s) => s.name === 'request-shape-drift')?.detail).toMatch(/max_tokens=600/);
  });
});

describe('key-pooling without a baseline', () => {
  const prep =
    (ip: string) =>
    (o: ReturnType<typeof ownerProfile>): void => {
      const s = o.tracker.get(ip, o.t);
      o.tracker.noteKey(s, 'kA', 'tA', false, o.t - 1000);
      o.tracker.noteKey(s, 'kB', 'tB', false, o.t - 500);
    };
  it('is network evidence behind a residential NAT and usage evidence on hosting', () => {
    const fresh = (o: ReturnType<typeof ownerProfile>, ip: string): void => {
      o.profile.ok = 0;
      prep(ip)(o);
    };
    expect(verdict(keyPooling, { net: OTHER_ISP }, (o) => fresh(o, OTHER_ISP.ip))).toBe('network');
    expect(verdict(keyPooling, { net: CLOUD }, (o) => fresh(o, CLOUD.ip))).toBe('usage');
    expect(verdict(keyPooling, { net: OTHER_ISP }, prep(OTHER_ISP.ip))).toBe('usage');
  });
});
