// The sliced fixed-rate cell: which slices count, how repeats pair into added figures, the verdict, the table.
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/simulator/index.js';
import { DEFAULT_BOUNDS, disturbance, planFor, type SliceRecord, summarise, turnOrder } from './fixed-rate.js';
import { runPacedRaw } from './paced.js';
import { coreTaskTicks, parseSchedstat } from './sched.js';
import type { TargetName } from './scenarios.js';
import { formatPacedTable, verdicts } from './table.js';

/** A slice of `n` answers spread evenly from `lo` to `hi` ms. */
const slice = (target: TargetName, repeat: number, lo: number, hi: number, extra: Partial<SliceRecord> = {}, n = 100): SliceRecord => ({
  target,
  repeat,
  latencies: Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1)),
  count: n,
  failures: 0,
  failed: {},
  seconds: 0.5,
  genLagP99: 1,
  foreignShare: 0,
  targetWaitMsPerSec: 0,
  cpuSec: n * 100e-6,
  ...extra,
});

describe('fixed-rate slices', () => {
  it('drops a slice whose generator was late or whose core ran other tasks, keeps one with unknown core use', () => {
    expect(disturbance(slice('gateway', 0, 1, 2))).toBeUndefined();
    expect(disturbance(slice('gateway', 0, 1, 2, { genLagP99: DEFAULT_BOUNDS.maxGenLagMs + 0.5 }))).toBe('generator');
    expect(disturbance(slice('gateway', 0, 1, 2, { genLagP99: Number.NaN }))).toBe('generator');
    expect(disturbance(slice('gateway', 0, 1, 2, { foreignShare: 0.2 }))).toBe('core');
    expect(disturbance(slice('gateway-2cores', 0, 1, 2, { foreignShare: undefined }))).toBeUndefined();
  });

  it('pairs each repeat with the passthrough of the same repeat and takes the median, with its spread', () => {
    const records = [
      // Repeat 0: the host was slow for both (drift falls on both alike): the difference stays 2.
      slice('passthrough', 0, 1, 11),
      slice('gateway', 0, 2, 13),
      // Repeat 1 and 2: faster host.
      slice('passthrough', 1, 1, 3),
      slice('gateway', 1, 2, 6),
      slice('passthrough', 2, 1, 3),
      slice('gateway', 2, 2, 5),
    ];
    const r = summarise(records);
    // p99 of 100 evenly spread samples from lo to hi: lo + (hi − lo) · 98/99.
    const p99 = (lo: number, hi: number) => lo + ((hi - lo) * 98) / 99;
    // Added per repeat: 1.99, 2.98, 1.99: the median is the third repeat's, the spread the second less it.
    expect(r.gateway!.addedP99).toBeCloseTo(p99(2, 5) - p99(1, 3), 6);
    expect(r.gateway!.addedP99Spread).toBeCloseTo(p99(2, 6) - p99(2, 5), 6);
    expect(r.gateway!.p99).toBeCloseTo(p99(2, 6), 6);
    expect(r.passthrough!.addedP99).toBeUndefined();
    expect(r.gateway).toMatchObject({ slicesKept: 3, slicesTotal: 3, count: 300 });
    expect(r.gateway!.cpuUsPerReq).toBeCloseTo(100, 6);
  });

  it('leaves dropped slices out of the percentiles, and a repeat without kept slices out of the pairing', () => {
    const records = [
      slice('passthrough', 0, 1, 2),
      slice('gateway', 0, 2, 3),
      slice('gateway', 0, 50, 60, { foreignShare: 0.5 }),
      slice('passthrough', 1, 1, 2, { genLagP99: 9 }),
      slice('gateway', 1, 40, 50),
    ];
    const r = summarise(records);
    expect(r.gateway!.p99).toBeLessThan(10);
    expect(r.gateway!.addedP99).toBeCloseTo(1, 6);
    expect(r.gateway!.addedP99Spread).toBeUndefined();
    expect(r.gateway).toMatchObject({ slicesKept: 2, slicesTotal: 3 });
    expect(r.gateway!.foreignShare).toBeCloseTo(0.5 / 3, 6);
  });

  it('plans as many slices as fit the cell and rotates the order of turns', () => {
    expect(planFor(3, 3)).toMatchObject({ slices: 6, repeats: 3, sliceSec: 0.5 });
    expect(planFor(0.2, 1).slices).toBe(2);
    expect(turnOrder(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(turnOrder(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(turnOrder(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
  });

  it('reads schedstat and the core task ticks', () => {
    expect(parseSchedstat('12345 678 9\n')).toEqual({ runNs: 12345, waitNs: 678 });
    expect(parseSchedstat('')).toBeUndefined();
    const stat = 'cpu  1 2 3 4 5 6 7 8 0 0\ncpu0 10 1 5 100 3 7 9 0 0 0\ncpu1 50 5 20 20 5 0 0 0 0 0\n';
    // user + nice + system only: irq and softirq (loopback traffic) are not another task's.
    expect(coreTaskTicks(stat, 0)).toBe(16);
    expect(coreTaskTicks(stat, 1)).toBe(75);
    expect(coreTaskTicks(stat, 2)).toBeUndefined();
  });

  it('does not time the requests due in the untimed start of a run', async () => {
    const sim = await startSimulator();
    try {
      const spec = {
        url: `${sim.url}/v1/chat/completions`,
        method: 'POST' as const,
        headers: { authorization: 'Bearer sk-x', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
        connections: 2,
        durationSec: 0.5,
        rate: 40,
      };
      const all = await runPacedRaw(spec);
      expect(all.count).toBe(20);
      const timed = await runPacedRaw({ ...spec, untimedMs: 250 });
      // Due at 0, 25, … 475 ms: those from 250 ms on are timed (ten of them), all twenty still sent and answered.
      expect(timed).toMatchObject({ count: 10, failures: 0 });
      expect(timed.lags.length).toBe(20);
    } finally {
      await sim.close();
    }
  });
});

describe('fixed-rate table and verdict', () => {
  const res = (extra: object) => ({ rps: 500, p50: 1, p99: 3, failures: 0, count: 100, slicesKept: 6, slicesTotal: 6, ...extra });
  const row = (gw: object, pass: object = {}) => ({ scenario: 'chat', rate: 500, share: 0.5, results: { passthrough: res(pass), gateway: res(gw) } });

  it('judges the paired added p99 when it held still across repeats', () => {
    expect(verdicts({ rows: [], paced: [row({ addedP99: 3.2, addedP99Spread: 1.5 })], ttfb: [] })[1]).toMatchObject({ ok: true, worst: expect.stringContaining('3.20 ms') });
    expect(verdicts({ rows: [], paced: [row({ addedP99: 7, addedP99Spread: 2 })], ttfb: [] })[1]!.ok).toBe(false);
  });

  it('says "not measurable" when the added p99 moved more than the goal, or no slices were kept', () => {
    const moved = verdicts({ rows: [], paced: [row({ addedP99: 3, addedP99Spread: 9 })], ttfb: [] })[1]!;
    expect(moved.ok).toBeUndefined();
    expect(moved.worst).toMatch(/moved 9\.00 ms between repeats/);
    const busy = verdicts({ rows: [], paced: [row({ slicesKept: 0 })], ttfb: [] })[1]!;
    expect(busy.ok).toBeUndefined();
    expect(busy.worst).toMatch(/no undisturbed slices/);
  });

  it('prints the paired added figures, their spread, the core shares and the slices kept', () => {
    const t = formatPacedTable([row({ addedP50: 0.4, addedP99: 2.5, addedP99Spread: 1.25, cpuUsPerReq: 180, foreignShare: 0.01, genLagP99: 1.1, slicesKept: 5 })]);
    const gw = t.split('\n').find((l) => l.includes('Warden default'))!;
    expect(gw).toMatch(/\|\s+0\.40 \|\s+2\.50 \|\s+1\.25 \|\s+180 \|\s+9 \|\s+1 \|\s+1\.10 \|\s+5\/6 /);
    // A sliced row without a paired figure shows none (not a difference of medians from unpaired repeats).
    expect(
      formatPacedTable([row({ p99: 9 })])
        .split('\n')
        .find((l) => l.includes('Warden default')),
    ).toMatch(/\|\s+–\s+\|\s+–\s+\|/);
  });
});
