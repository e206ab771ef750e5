import { describe, expect, it } from 'vitest';
import { inputFor } from '../engine.js';
import { newProfile } from '../profile.js';
import { SourceTracker } from '../source-state.js';
import { CLOUD, facts, HOME, ownerProfile, settings, US_ISP } from '../../../test/support/risk-fixtures.js';
import type { RequestFacts } from '../types.js';
import { SIGNALS } from './index.js';

const TOR = { ...CLOUD, netClass: 'tor' as const, lists: ['tor'] };

/** Evaluates every signal for one request against a taught profile (mature unless said). */
function hits(over: Partial<RequestFacts>, opts: { immature?: boolean; prep?: (t: number, tr: SourceTracker) => void } = {}): string[] {
  const { profile, tracker, t } = opts.immature ? { profile: newProfile('k1', 't1', 0), tracker: new SourceTracker(100), t: 1_000_000 } : ownerProfile();
  opts.prep?.(t, tracker);
  const f = facts({ time: t, ...over });
  const src = tracker.get(f.sourceId, f.time);
  const use = tracker.noteKey(src, f.keyId, f.tenantId, f.probe, f.time);
  const input = inputFor(f, profile, src, use, settings());
  return SIGNALS.filter((s) => s.evaluate(input, s.weight).verdict === 'hit').map((s) => s.name);
}

describe('signals', () => {
  it.each<[string, Partial<RequestFacts>, string[]]>([
    ['owner as usual', {}, []],
    ['canary', { canary: true }, ['canary-used']],
    ['leaked from usual place', { leaked: true }, ['key-leaked']],
    ['outside declared CIDRs', { allowedCidrs: ['10.0.0.0/8'] }, ['outside-declared-networks']],
    ['inside declared ASN', { allowedAsns: [3320] }, []],
    // A single switch away from the owner's network is a move, not concurrency (concurrent-networks needs turns).
    ['new ISP, same client', { net: { ...HOME, asn: 8767, ip: '93.104.1.1' } }, ['new-network']],
    ['new country', { net: US_ISP }, ['new-network', 'new-country', 'impossible-travel']],
    ['hosting after residential', { net: CLOUD }, ['new-network', 'hosting-vpn-tor']],
    ['tor', { net: TOR }, ['new-network', 'hosting-vpn-tor']],
    ['different client', { fingerprint: { coarse: 'curl', fine: 'curl-8', label: 'curl' } }, ['fingerprint-drift']],
    ['sdk upgrade', { fingerprint: { coarse: 'sdk', fine: 'sdk-2', label: 'sdk' } }, ['fingerprint-drift']],
    ['images on a chat key', { endpoint: 'images' }, ['modality-shift']],
    ['expensive request', { cost: 20_000 }, ['cost-shift']],
    ['rewrite suppression counted', { safety: { blocks: 0, rewriteSuppression: 1, checked: 3 } }, ['content-abuse']],
    ['blocks under the rate', { safety: { blocks: 1, rewriteSuppression: 0, checked: 40 } }, []],
    ['probe from new network', { net: US_ISP, probe: true, endpoint: 'models' }, ['new-network', 'new-country', 'impossible-travel', 'probe-then-burst']],
  ])('%s', (_name, over, expected) => {
    expect(hits(over)).toEqual(expected);
  });

  it('sdk upgrade weighs a quarter of a new client', () => {
    const { profile, tracker, t } = ownerProfile();
    const f = facts({ time: t, fingerprint: { coarse: 'sdk', fine: 'sdk-2', label: 'x' } });
    const src = tracker.get(f.sourceId, t);
    const input = inputFor(f, profile, src, tracker.noteKey(src, 'k1', 't1', false, t), settings());
    const r = SIGNALS.find((s) => s.name === 'fingerprint-drift')!.evaluate(input, 20);
    expect(r).toMatchObject({ verdict: 'hit', weight: 5 });
  });

  it('an immature profile only reacts to what needs no baseline', () => {
    expect(hits({ net: CLOUD, endpoint: 'images', cost: 50_000 }, { immature: true })).toEqual([]);
    expect(hits({ net: TOR }, { immature: true })).toEqual(['hosting-vpn-tor']);
    expect(hits({ canary: true }, { immature: true })).toEqual(['canary-used']);
  });

  it('one source presenting keys of three tenants is pooling', () => {
    const prep = (t: number, tr: SourceTracker): void => {
      const s = tr.get(CLOUD.ip, t);
      tr.noteKey(s, 'kA', 'tA', false, t - 1000);
      tr.noteKey(s, 'kB', 'tB', false, t - 500);
    };
    expect(hits({ net: CLOUD, sourceId: CLOUD.ip }, { prep })).toContain('key-pooling');
    expect(hits({ net: CLOUD, sourceId: CLOUD.ip }, { prep, immature: true })).toContain('key-pooling');
  });

  it('concurrent use: owner network and an unfamiliar one taking turns', () => {
    // ownerProfile's last owner request was 30 s before: inside the window. One switch is a move...
    expect(hits({ net: { ...HOME, asn: 8767, ip: '93.104.1.1' } })).not.toContain('concurrent-networks');
    // ...stranger, owner, stranger again within the window is two users.
    {
      const { profile, tracker, t } = ownerProfile();
      profile.recent.push([t - 20_000, 'as8767', 'DE', '93.104.1/24'], [t - 10_000, profile.recent.at(-1)![1], 'DE', profile.recent.at(-1)![3] ?? '79.192.1/24']);
      const f = facts({ time: t, net: { ...HOME, asn: 8767, ip: '93.104.1.1' } });
      const src = tracker.get(f.sourceId, f.time);
      const input = inputFor(f, profile, src, tracker.noteKey(src, 'k1', 't1', false, f.time), settings());
      expect(SIGNALS.find((s) => s.name === 'concurrent-networks')!.evaluate(input, 20).verdict).toBe('hit');
    }
    const late = (t: number): Partial<RequestFacts> => ({ time: t + 3_600_000, net: { ...HOME, asn: 8767, ip: '93.104.1.1' } });
    const { profile, tracker, t } = ownerProfile();
    const f = facts(late(t));
    const src = tracker.get(f.sourceId, f.time);
    const input = inputFor(f, profile, src, tracker.noteKey(src, 'k1', 't1', false, f.time), settings());
    expect(SIGNALS.find((s) => s.name === 'concurrent-networks')!.evaluate(input, 20).verdict).toBe('clear');
  });

  it('three unfamiliar networks in the window is churn', () => {
    const { profile, tracker, t } = ownerProfile();
    const nets = [US_ISP, CLOUD, { ...HOME, asn: 8767, ip: '93.104.1.1' }];
    let last: string[] = [];
    nets.forEach((net, i) => {
      const f = facts({ time: t + 3_600_000 + i * 1000, net, sourceId: net.ip });
      const src = tracker.get(f.sourceId, f.time);
      const input = inputFor(f, profile, src, tracker.noteKey(src, 'k1', 't1', false, f.time), settings());
      last = SIGNALS.filter((s) => s.evaluate(input, s.weight).verdict === 'hit').map((s) => s.name);
      profile.recent.push([f.time, input.netKey, net.country ?? '', f.block]);
    });
    expect(last).toContain('network-churn');
  });
});
