// Hard-case decisions with plain objects: content bursts, SDK families, rotating carrier blocks, interleaved countries, step-up.
import { describe, expect, it } from 'vitest';
import { declaredMatch, stepUp } from './engine.js';
import { riskPolicySchema } from './config.js';
import { newProfile } from './profile.js';
import { SourceTracker } from './source-state.js';
import { facts, HOME, ownerProfile, run, settings, US_ISP } from '../../test/support/risk-fixtures.js';
import type { RequestFacts, RiskAction } from './types.js';

const HARMFUL_BLOCK = (n: number, checked: number): RequestFacts['safety'] => ({ blocks: n, rewriteSuppression: 0, checked });
const names = (r: { signals: readonly { name: string }[] }): string[] => r.signals.map((s) => s.name);

describe('content evidence on a recent window', () => {
  it("a burst of blocks on a key with a long clean history contains it, from the owner's own place and client", () => {
    const { profile, tracker, t } = ownerProfile(200);
    // The safety layer has checked 200 clean prompts: a whole-history rate would dilute the burst.
    profile.safety = { blocks: 0, rewriteSuppression: 0, checked: 200 };
    const acts: RiskAction[] = [];
    for (let i = 0; i < 12; i++) {
      const blocks = Math.ceil(i / 2); // half the prompts blocked, counted one request later
      acts.push(run(profile, facts({ time: t + i * 60_000, safety: HARMFUL_BLOCK(blocks, 200 + i) }), tracker).action);
    }
    expect(acts).toContain('suspend-key');
    expect(acts.indexOf('suspend-key')).toBeLessThan(12);
  });

  it('with novelty (a new address block) it contains sooner than without', () => {
    const at = (net: typeof HOME): number => {
      const { profile, tracker, t } = ownerProfile(60);
      profile.safety = { blocks: 0, rewriteSuppression: 0, checked: 60 };
      for (let i = 0; i < 20; i++) {
        const f = facts({ time: t + i * 60_000, net, safety: HARMFUL_BLOCK(Math.ceil(i / 2), 60 + i) });
        if (run(profile, f, tracker).action === 'suspend-key') return i;
      }
      return 99;
    };
    const sameBlock = at(HOME);
    const newBlock = at({ ...HOME, ip: '79.192.77.1' });
    expect(newBlock).toBeLessThan(99);
    expect(newBlock).toBeLessThanOrEqual(sameBlock);
  });

  it('blocks spread over hours do not add up to a burst', () => {
    const { profile, tracker, t } = ownerProfile(60);
    profile.safety = { blocks: 0, rewriteSuppression: 0, checked: 60 };
    const acts = Array.from({ length: 6 }, (_, i) => run(profile, facts({ time: t + i * 3_600_000, safety: HARMFUL_BLOCK(i, 60 + i * 20) }), tracker));
    expect(acts.every((r) => r.action !== 'suspend-key')).toBe(true);
    expect(acts.some((r) => r.signals.some((s) => s.name === 'content-abuse' && /within 15 min/.test(s.detail)))).toBe(false);
  });
});

describe('network grain', () => {
  it('a backend forwarding carrier addresses (a new /24 inside one ASN each time) is not flagged', () => {
    const p = newProfile('k1', 't1', 0);
    const tracker = new SourceTracker(1000);
    const flagged: string[][] = [];
    for (let i = 0; i < 120; i++) {
      const ip = `172.${56 + (i % 4)}.${(i * 37) % 256}.9`;
      const r = run(p, facts({ time: i * 120_000, net: { ...US_ISP, ip, asn: 21928 }, sourceId: ip, block: `${ip.split('.').slice(0, 3).join('.')}/24` }), tracker);
      if (r.action !== 'allow') flagged.push(names(r));
    }
    expect(flagged).toEqual([]);
  });

  it('the same routine on one stable block still notices a thief on another block of the same ISP with another program', () => {
    const { profile, tracker, t } = ownerProfile(60);
    const ip = '79.192.200.1';
    const r = run(profile, facts({ time: t, net: { ...HOME, ip }, sourceId: ip, block: '79.192.200/24', shape: ['chat|params=messages,model', 'chat|model=gpt-4o'] }), tracker);
    expect(names(r)).toContain('request-shape-drift');
  });
});

describe('interleaved countries', () => {
  it('a slow thief abroad taking turns with the owner at home is flagged for country alternation', () => {
    const { profile, tracker, t } = ownerProfile(60);
    const acts: string[][] = [];
    for (let i = 0; i < 8; i++) {
      const base = t + i * 2 * 3_600_000;
      acts.push(names(run(profile, facts({ time: base, net: US_ISP, sourceId: US_ISP.ip, block: '73.162.10/24' }), tracker)));
      run(profile, facts({ time: base + 3_600_000 }), tracker);
    }
    expect(acts.flat()).toContain('country-alternation');
    expect(profile.countries['US']!.ok).toBeLessThan(3);
  });

  it('a traveller abroad for days while home is idle is learned, not flagged', () => {
    const { profile, tracker, t } = ownerProfile(60);
    const start = t + 24 * 3_600_000;
    const acts = Array.from({ length: 12 }, (_, i) => run(profile, facts({ time: start + i * 3_600_000, net: US_ISP, sourceId: US_ISP.ip, block: '73.162.10/24' }), tracker).action);
    expect(acts.filter((a) => a !== 'allow')).toEqual([]);
    expect(profile.countries['US']!.ok).toBeGreaterThanOrEqual(3);
  });
});

describe('declared networks and step-up', () => {
  it('a declared CIDR makes its network and block known; a declared ASN its network', () => {
    const p = newProfile('k1', 't1', 0);
    p.declared = { cidrs: ['73.162.10.0/24'], asns: [16509] };
    expect(declaredMatch(p, facts({ net: US_ISP }))).toEqual({ net: true, block: true });
    expect(declaredMatch(p, facts({ net: { ...US_ISP, ip: '52.10.1.1', asn: 16509 } }))).toEqual({ net: true, block: false });
    expect(declaredMatch(p, facts({ net: HOME }))).toEqual({ net: false, block: false });
  });

  it('an owner who declared the new office is not flagged there, and one who did not is still only flagged', () => {
    const go = (declare: boolean): RiskAction[] => {
      const { profile, tracker, t } = ownerProfile(60);
      if (declare) profile.declared = { cidrs: [], asns: [7922] };
      const fp = { coarse: 'curl', fine: 'curl-8', label: 'curl' };
      return Array.from(
        { length: 3 },
        (_, i) => run(profile, facts({ time: t + 86_400_000 + i * 60_000, net: US_ISP, sourceId: US_ISP.ip, block: '73.162.10/24', fingerprint: fp }), tracker, settings()).action,
      );
    };
    expect(go(true).includes('suspend-key')).toBe(false);
    expect(go(false).some((a) => a !== 'allow')).toBe(true);
  });

  it('keys with proof keys step a flagged request up to require-proof; others are unchanged', () => {
    const p = riskPolicySchema.parse({});
    expect(stepUp('flag', true, p)).toBe('require-proof');
    expect(stepUp('throttle', true, p)).toBe('require-proof');
    expect(stepUp('suspend-key', true, p)).toBe('suspend-key');
    expect(stepUp('allow', true, p)).toBe('allow');
    expect(stepUp('flag', false, p)).toBe('flag');
    expect(stepUp('flag', true, { stepUpToProof: false })).toBe('flag');
  });
});

describe('the baseline graduates', () => {
  it('a second network used twice while the baseline formed is still known once it is complete', () => {
    const p = newProfile('k1', 't1', 0);
    const tracker = new SourceTracker(1000);
    const office = { ...HOME, ip: '90.10.1.178', asn: 3215, country: 'FR', org: 'Orange' };
    const at = (net: typeof HOME) => ({ net, sourceId: net.ip, block: `${net.ip.split('.').slice(0, 3).join('.')}/24` });
    for (let i = 0; i < 20; i++) run(p, facts({ time: i * 3_600_000, ...at(i === 9 || i === 14 ? office : HOME) }), tracker);
    const r = run(p, facts({ time: 20 * 3_600_000 + 600_000, ...at(office) }), tracker);
    expect(names(r)).toEqual([]);
    expect(r.action).toBe('allow');
    // A network first seen after the baseline is still new.
    const later = run(p, facts({ time: 21 * 3_600_000, ...at({ ...HOME, ip: '77.160.10.5', asn: 1136, country: 'NL', org: 'KPN' }) }), tracker);
    expect(names(later)).toContain('new-network');
  });
});

describe("a new endpoint at the owner's place", () => {
  it("is learned from the owner's address and client; from elsewhere it keeps counting", () => {
    const { profile, tracker, t } = ownerProfile(40);
    const emb = (time: number, over = {}) => run(profile, facts({ time, endpoint: 'embeddings', shape: [], ...over }), tracker);
    expect(names(emb(t))).toEqual(['modality-shift']);
    expect(emb(t + 60_000).signals).toEqual([]);
    // Images from a hosting network the owner never used: not the owner's feature.
    const cloud = { net: { ...HOME, ip: '5.9.1.1', asn: 24940, org: 'Hetzner', netClass: 'hosting' as const }, sourceId: '5.9.1.1', block: '5.9.1/24' };
    run(profile, facts({ time: t + 120_000, endpoint: 'images', shape: [], ...cloud }), tracker);
    expect(names(run(profile, facts({ time: t + 180_000, endpoint: 'images', shape: [], ...cloud }), tracker))).toContain('modality-shift');
  });
});
