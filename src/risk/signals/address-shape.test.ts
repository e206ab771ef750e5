// address-shape-drift with plain objects: a neighbour's program inside the owner's own address block.
import { describe, expect, it } from 'vitest';
import { CLOUD, facts, HOME, OWNER_SHAPE, ownerProfile, run } from '../../../test/support/risk-fixtures.js';
import type { IpInfo } from '../ip/intel.js';
import type { RequestFacts } from '../types.js';

const THIEF_SHAPE = OWNER_SHAPE.map((f) => (f === 'chat|max_tokens=300' ? 'chat|max_tokens=600' : f));
const at = (net: IpInfo, over: Partial<RequestFacts> = {}): Partial<RequestFacts> => ({ net, sourceId: net.ip, block: `${net.ip.split('.').slice(0, 3).join('.')}/24`, ...over });
const names = (r: { signals: readonly { name: string }[] }): string[] => r.signals.map((s) => s.name);

describe('address-shape-drift', () => {
  it("flags parameters the owner never sends from a new address of the owner's block, and never suspends", () => {
    const { profile, tracker, t } = ownerProfile(40);
    const send = (i: number) => run(profile, facts({ time: t + i * 300_000, ...at({ ...HOME, ip: `79.192.1.${100 + (i % 3)}` }), shape: THIEF_SHAPE }), tracker);
    // Three addresses the owner never used, in the owner's /24, taking turns.
    const first = Array.from({ length: 6 }, (_, i) => send(i));
    expect(first.every((r) => names(r).join() === 'address-shape-drift' && r.action !== 'allow')).toBe(true);
    // The stranger's parameter is counted, not taught, while it comes from addresses the owner does not use.
    expect(profile.shapes['chat|max_tokens=600']).toMatchObject({ n: 6, ok: 0 });
    // An address is learned after learnAfter clean uses (the owner renumbered and deployed is the same sight):
    // flagged, throttled at most, never suspended on this evidence.
    const rest = Array.from({ length: 14 }, (_, i) => send(6 + i));
    expect([...first, ...rest].every((r) => r.action !== 'suspend-key' && r.action !== 'block-request')).toBe(true);
    expect(profile.usageSuspicion).toBe(0);
  });

  it("stays silent for the owner's code change at their address, a renumbered address alone, or a rare value of the owner's", () => {
    const { profile, tracker, t } = ownerProfile(40);
    // New parameters from the owner's own address: a deploy, taught.
    const deploy = run(profile, facts({ time: t, shape: THIEF_SHAPE }), tracker);
    expect(deploy.signals).toEqual([]);
    // The owner's usual program from a new address in the same block: the ISP renumbered them.
    const renumbered = run(profile, facts({ time: t + 60_000, ...at({ ...HOME, ip: '79.192.1.200' }) }), tracker);
    expect(renumbered.signals).toEqual([]);
  });

  it('does not apply where addresses change by nature (hosting) or to owners seen on many addresses', () => {
    const cloud = ownerProfile(0);
    for (let i = 0; i < 40; i++) run(cloud.profile, facts({ time: cloud.t + i * 30_000, ...at(CLOUD) }), cloud.tracker);
    const redeploy = run(cloud.profile, facts({ time: cloud.t + 3_600_000, ...at({ ...CLOUD, ip: '5.9.1.77' }), shape: THIEF_SHAPE }), cloud.tracker);
    expect(names(redeploy)).not.toContain('address-shape-drift');

    const office = ownerProfile(0);
    for (let i = 0; i < 40; i++) run(office.profile, facts({ time: office.t + i * 30_000, ...at({ ...HOME, ip: `79.192.1.${1 + (i % 5)}` }) }), office.tracker);
    const pool = run(office.profile, facts({ time: office.t + 3_600_000, ...at({ ...HOME, ip: '79.192.1.77' }), shape: THIEF_SHAPE }), office.tracker);
    expect(names(pool)).not.toContain('address-shape-drift');
  });
});
