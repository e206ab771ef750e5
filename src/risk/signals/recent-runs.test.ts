import { describe, expect, it } from 'vitest';
import { inputFor } from '../engine.js';
import { isKnown, rotatesBlocks, type KeyProfile, type RecentUse } from '../profile.js';
import { facts, ownerProfile, settings } from '../../../test/support/risk-fixtures.js';
import { CLEAR, hit, type SignalResult } from '../types.js';
import type { SignalInput } from './signal.js';
import { CHURN_BLOCKS, networkChurn } from './network-churn.js';
import { concurrentNetworks } from './concurrent-networks.js';

// The plain loops (every use judged, runs included): the signals skip a run's repeats and must answer the same.
function plainChurn({ facts: f, profile, learning, blockKnown, netKnown, windowMs }: SignalInput, w: number): SignalResult {
  const rotating = rotatesBlocks(profile);
  const novel: string[] = [];
  if (!blockKnown && !(rotating && netKnown)) novel.push(f.block);
  for (const [t, net, , block] of profile.recent) {
    if (!block || f.time - t > windowMs || novel.includes(block)) continue;
    if (!isKnown(profile.blocks[block], profile, learning) && !(rotating && isKnown(profile.nets[net], profile, learning))) novel.push(block);
  }
  return novel.length >= CHURN_BLOCKS ? hit(w, `${novel.length} unfamiliar address blocks within ${Math.round(windowMs / 60000)} min`) : CLEAR;
}

/** The sides (owner's network or not) in the window, newest first, starting with this request: two changes are turns. */
function plainConcurrent({ mature, facts: f, profile, learning, netKey, netKnown, windowMs }: SignalInput): boolean {
  if (!mature) return false;
  const sides = [netKnown];
  for (const [t, key] of [...profile.recent].reverse()) {
    if (f.time - t > windowMs) break;
    sides.push(key === netKey ? netKnown : isKnown(profile.nets[key], profile, learning));
  }
  let changes = 0;
  for (let i = 1; i < sides.length; i++) if (sides[i] !== sides[i - 1]) changes++;
  return changes >= 2;
}

/** Deterministic generator (no Math.random: a failure must reproduce). */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const BLOCKS = ['79.192.1.0/24', '79.192.2.0/24', '5.9.1.0/24', '73.162.10.0/24', '10.1.1.0/24'];
const NETS = ['as3320', 'as24940', 'as7922', 'cc:DE', 'ip:10.1.1.1'];

/** Recent uses in runs of one block / network, some outside the window, some without a block. */
function recentOf(r: () => number, now: number, windowMs: number): RecentUse[] {
  const out: RecentUse[] = [];
  while (out.length < 16) {
    const block = r() < 0.1 ? undefined : BLOCKS[Math.floor(r() * BLOCKS.length)];
    const net = NETS[Math.floor(r() * NETS.length)]!;
    for (let run = 1 + Math.floor(r() * 6); run > 0 && out.length < 16; run--) {
      const t = now - Math.floor(r() * 2 * windowMs);
      out.push(block === undefined ? [t, net, 'DE'] : [t, net, 'DE', block]);
    }
  }
  return out;
}

/** A few blocks and networks known, the rest seen but not taught, or never seen. */
function teach(p: KeyProfile, r: () => number): void {
  p.blocks = {};
  p.nets = {};
  for (const b of BLOCKS) if (r() < 0.7) p.blocks[b] = { n: 9, ok: r() < 0.5 ? 9 : 0, last: 0 };
  for (const n of NETS) if (r() < 0.7) p.nets[n] = { n: 9, ok: r() < 0.5 ? 9 : 0, last: 0, cls: 'isp', cc: 'DE' };
}

describe('network-churn and concurrent-networks over runs of recent uses', () => {
  it('answer as the plain loops for 1200 generated profiles and requests', () => {
    const r = rng(7);
    const s = settings();
    let churnHits = 0;
    let concurrentHits = 0;
    for (let i = 0; i < 1200; i++) {
      const { profile, tracker, t } = ownerProfile();
      teach(profile, r);
      profile.recent = recentOf(r, t, s.windowMs);
      if (r() < 0.2) profile.ok = 0;
      const f = facts({ time: t, block: BLOCKS[Math.floor(r() * BLOCKS.length)]! });
      const src = tracker.get(f.sourceId, t);
      const input = inputFor(f, profile, src, tracker.noteKey(src, f.keyId, f.tenantId, false, t), s);
      for (const netKey of NETS.slice(0, 3)) {
        const inp = { ...input, netKey, netKnown: isKnown(profile.nets[netKey], profile, input.learning) };
        const churn = networkChurn.evaluate(inp, 15);
        const concurrent = concurrentNetworks.evaluate(inp, 20);
        expect(churn).toEqual(plainChurn(inp, 15));
        expect(concurrent.verdict === 'hit').toBe(plainConcurrent(inp));
        if (churn.verdict === 'hit') churnHits++;
        if (concurrent.verdict === 'hit') concurrentHits++;
      }
    }
    // Both answers occur, so the comparison covered hits and clears.
    expect(churnHits).toBeGreaterThan(100);
    expect(concurrentHits).toBeGreaterThan(20);
  });
});
