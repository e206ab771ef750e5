import { describe, expect, it } from 'vitest';
import { decide } from './engine.js';
import { riskPolicySchema } from './config.js';
import { CLOUD, facts, HOME, ownerProfile, run, US_ISP } from '../../test/support/risk-fixtures.js';
import type { RiskAction } from './types.js';

const CURL = { coarse: 'curl', fine: 'curl-8', label: 'curl' };
const policy = riskPolicySchema.parse({});

/** Sends n requests and returns the actions taken. */
function actions(n: number, over: Parameters<typeof facts>[0], gapMs = 5_000, hourLater = false): RiskAction[] {
  const { profile, tracker, t } = ownerProfile();
  const start = hourLater ? t + 3_600_000 : t;
  return Array.from({ length: n }, (_, i) => run(profile, facts({ ...over, time: start + i * gapMs }), tracker).action);
}

describe('decide', () => {
  it.each<[number, number, number, number, boolean, RiskAction]>([
    [0, 0, 0, 0, false, 'allow'],
    [1000, 1000, 1000, 1000, true, 'block-request'],
    [30, 0, 30, 0, false, 'flag'],
    [80, 0, 80, 0, false, 'throttle'], // network evidence alone never blocks or suspends
    [80, 40, 80, 40, false, 'block-request'],
    [40, 20, 120, 40, false, 'suspend-key'],
    [40, 0, 200, 10, false, 'throttle'],
  ])('score %d usage %d suspicion %d/%d canary %s → %s', (s, u, S, U, c, want) => {
    expect(decide(s, u, S, U, c, policy)).toBe(want);
  });
});

describe('engine over request sequences', () => {
  it('the owner from the usual place is never flagged', () => {
    expect(new Set(actions(50, {}))).toEqual(new Set(['allow']));
  });

  it('a different client from a hosting network is suspended within a few requests', () => {
    const a = actions(10, { net: CLOUD, sourceId: CLOUD.ip, fingerprint: CURL });
    expect(a.indexOf('suspend-key')).toBeGreaterThanOrEqual(0);
    expect(a.indexOf('suspend-key')).toBeLessThan(4);
  });

  it('the owner moving to a new office with the same client is learned, not suspended', () => {
    const office = { ...HOME, asn: 8767, ip: '93.104.1.1', org: 'M-net' };
    const a = actions(40, { net: office, sourceId: office.ip }, 30_000, true);
    expect(a).not.toContain('suspend-key');
    expect(a.slice(-10)).toEqual(Array(10).fill('allow'));
  });

  it('the owner on a VPN abroad with the same client is at most flagged or throttled', () => {
    const vpn = { ...US_ISP, asn: 9009, org: 'M247', netClass: 'vpn' as const };
    const a = actions(30, { net: vpn, sourceId: vpn.ip }, 30_000, true);
    expect(a).not.toContain('suspend-key');
    expect(a).not.toContain('block-request');
  });

  it('images from a new network on a chat key are contained', () => {
    const a = actions(10, { net: US_ISP, sourceId: US_ISP.ip, endpoint: 'images', cost: 2000 }, 5_000, true);
    expect(a).toContain('suspend-key');
  });

  it('a leaked key used from somewhere new is suspended at once; from home it is only flagged', () => {
    expect(actions(1, { leaked: true, net: CLOUD, sourceId: CLOUD.ip })).toEqual(['suspend-key']);
    expect(actions(1, { leaked: true })).toEqual(['flag']);
  });

  it('a canary is refused every time and never suspended', () => {
    expect(actions(3, { canary: true })).toEqual(['block-request', 'block-request', 'block-request']);
  });

  it('refused proofs flag every time, never suspend, and teach the profile nothing (even from home with its SDK)', () => {
    const { profile, tracker, t } = ownerProfile();
    const before = JSON.stringify({ nets: profile.nets, fps: profile.fps, ok: profile.ok });
    const acts = Array.from(
      { length: 20 },
      (_, i) => run(profile, facts({ time: t + i * 5_000, proofRefused: 'unbound_key', net: US_ISP, sourceId: US_ISP.ip, block: '73.162.10.0/24' }), tracker).action,
    );
    expect(acts.filter((a) => a === 'allow' || a === 'suspend-key' || a === 'block-request')).toEqual([]);
    expect(profile.nets[`as${US_ISP.asn}`]?.ok ?? 0).toBe(0);
    const home = run(profile, facts({ time: t + 200_000, proofRefused: 'missing' }), tracker);
    expect(home.signals.map((x) => x.name)).toContain('proof-refused');
    expect(profile.ok).toBe(JSON.parse(before).ok);
  });

  it('a thief does not become the owner by repetition', () => {
    const { profile, tracker, t } = ownerProfile();
    for (let i = 0; i < 30; i++) run(profile, facts({ time: t + 3_600_000 + i * 60_000, net: CLOUD, sourceId: CLOUD.ip, fingerprint: CURL }), tracker);
    expect(profile.nets[`as${CLOUD.asn}`]?.ok ?? 0).toBe(0);
    expect(profile.fps['curl']?.ok ?? 0).toBe(0);
  });
});
