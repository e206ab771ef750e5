// The fixed-rate cell: what each target adds to p50 and p99 when offered the same rate, measured so that a shared,
// noisy host shows as "not measurable" instead of as a figure. Every target gets short slices in turn (the order
// rotating), so drift on the host falls on all of them alike. A slice is kept only when the generator sent on time
// and nothing else ran on the target's core meanwhile; each repeat pools its kept slices per target. Added figures
// are paired within a repeat (target less passthrough), and their spread across repeats says how far to trust them.
import { treeCpuSeconds, clockTicks } from './cpu.js';
import { type PacedSpec, runPacedRaw } from './paced.js';
import { processWaitNs, readCoreTaskTicks } from './sched.js';
import type { TargetName } from './scenarios.js';
import { median, percentile, type RunResult } from './stats.js';

/** One slice of one target: its timed answers and what could have disturbed it. */
export interface SliceRecord {
  readonly target: TargetName;
  readonly repeat: number;
  /** ms from due time to answer, 2xx answers only. */
  readonly latencies: Float64Array;
  readonly count: number;
  readonly failures: number;
  readonly failed: Readonly<Record<string, number>>;
  /** Timed seconds of the slice. */
  readonly seconds: number;
  /** How late the generator woke for its p99 request in this slice, ms. */
  readonly genLagP99: number;
  /** Share of the slice the target's core ran tasks other than the target (undefined: not known, e.g. 2 cores). */
  readonly foreignShare: number | undefined;
  /** The target's threads' run-queue wait, ms per second (its own threads and other processes alike). */
  readonly targetWaitMsPerSec: number | undefined;
  /** Target CPU seconds over the slice (process, threads, children). */
  readonly cpuSec: number | undefined;
}

export interface SliceBounds {
  /**
   * Generator lateness p99 above which a slice is dropped, ms. The generator wakes every millisecond and sends what
   * fell due meanwhile, so about 1 ms of lateness is its design, common to every target; more is a busy load core.
   */
  readonly maxGenLagMs: number;
  /** Share of the slice other tasks ran on the target's core above which it is dropped (clock ticks: 10 ms steps). */
  readonly maxForeignShare: number;
}
export const DEFAULT_BOUNDS: SliceBounds = { maxGenLagMs: 2, maxForeignShare: 0.05 };

/** Pure: why a slice says nothing about its target (undefined: kept). */
export function disturbance(r: SliceRecord, b: SliceBounds = DEFAULT_BOUNDS): 'generator' | 'core' | undefined {
  if (!(r.genLagP99 <= b.maxGenLagMs)) return 'generator';
  if (r.foreignShare !== undefined && r.foreignShare > b.maxForeignShare) return 'core';
  return undefined;
}

const concat = (parts: readonly Float64Array[]): Float64Array => {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};
const spread = (xs: readonly number[]): number | undefined => (xs.length < 2 ? undefined : Math.max(...xs) - Math.min(...xs));

/** One target's pooled kept slices of one repeat. */
interface RepeatFigures {
  readonly p50: number;
  readonly p99: number;
}

/**
 * Pure: per target, the median over repeats of its pooled kept slices' p50 and p99, and (targets other than the
 * passthrough) the median over repeats of what it added to the passthrough's figure of the same repeat, with the
 * spread of that difference across repeats.
 */
export function summarise(records: readonly SliceRecord[], bounds: SliceBounds = DEFAULT_BOUNDS): Partial<Record<TargetName, RunResult>> {
  const targets = [...new Set(records.map((r) => r.target))];
  const repeats = [...new Set(records.map((r) => r.repeat))].sort((a, b) => a - b);
  const figures = new Map<TargetName, Map<number, RepeatFigures>>();
  for (const t of targets) {
    const byRepeat = new Map<number, RepeatFigures>();
    for (const rep of repeats) {
      const kept = records.filter((r) => r.target === t && r.repeat === rep && disturbance(r, bounds) === undefined);
      const pooled = Array.from(concat(kept.map((r) => r.latencies)));
      if (pooled.length > 0) byRepeat.set(rep, { p50: percentile(pooled, 50), p99: percentile(pooled, 99) });
    }
    figures.set(t, byRepeat);
  }
  const base = figures.get('passthrough');
  const out: Partial<Record<TargetName, RunResult>> = {};
  for (const t of targets) {
    const all = records.filter((r) => r.target === t);
    const kept = all.filter((r) => disturbance(r, bounds) === undefined);
    const reps = [...(figures.get(t) ?? new Map<number, RepeatFigures>()).entries()];
    const p50s = reps.map(([, f]) => f.p50);
    const p99s = reps.map(([, f]) => f.p99);
    const paired = t === 'passthrough' || !base ? [] : reps.flatMap(([rep, f]) => (base.has(rep) ? [{ p50: f.p50 - base.get(rep)!.p50, p99: f.p99 - base.get(rep)!.p99 }] : []));
    const sum = (xs: readonly SliceRecord[], pick: (r: SliceRecord) => number | undefined): number | undefined =>
      xs.some((r) => pick(r) === undefined) ? undefined : xs.reduce((s, r) => s + pick(r)!, 0);
    const count = sum(all, (r) => r.count) ?? 0;
    const cpu = sum(all, (r) => r.cpuSec);
    const secs = sum(all, (r) => r.seconds) ?? 0;
    const foreign = sum(all, (r) => (r.foreignShare === undefined ? undefined : r.foreignShare * r.seconds));
    const wait = sum(all, (r) => (r.targetWaitMsPerSec === undefined ? undefined : r.targetWaitMsPerSec * r.seconds));
    const failed: Record<string, number> = {};
    for (const r of all) for (const [k, v] of Object.entries(r.failed)) failed[k] = (failed[k] ?? 0) + v;
    const failures = all.reduce((s, r) => s + r.failures, 0);
    const keptSecs = kept.reduce((s, r) => s + r.seconds, 0);
    const addedP99s = paired.map((x) => x.p99);
    const addedP99Spread = spread(addedP99s);
    const p99Spread = spread(p99s);
    out[t] = {
      rps: keptSecs > 0 ? kept.reduce((s, r) => s + r.count, 0) / keptSecs : Number.NaN,
      p50: p50s.length ? median(p50s) : Number.NaN,
      p99: p99s.length ? median(p99s) : Number.NaN,
      failures,
      count,
      ...(failures > 0 ? { failed } : {}),
      ...(cpu !== undefined && count > 0 ? { cpuUsPerReq: (cpu * 1e6) / count } : {}),
      ...(p99Spread !== undefined ? { p99Spread } : {}),
      genLagP99: kept.length ? Math.max(...kept.map((r) => r.genLagP99)) : Number.NaN,
      ...(paired.length ? { addedP50: median(paired.map((x) => x.p50)), addedP99: median(addedP99s) } : {}),
      ...(addedP99Spread !== undefined ? { addedP99Spread } : {}),
      slicesKept: kept.length,
      slicesTotal: all.length,
      ...(foreign !== undefined && secs > 0 ? { foreignShare: foreign / secs } : {}),
      ...(wait !== undefined && secs > 0 ? { targetWaitMsPerSec: wait / secs } : {}),
    };
  }
  return out;
}

/** One target of the cell: what to send it, and where it runs (core: its one core; undefined when it has more). */
export interface FixedRateTarget {
  readonly name: TargetName;
  readonly pid: number;
  readonly spec: PacedSpec;
  readonly core: number | undefined;
}

export interface FixedRatePlan {
  /** Timed seconds per slice (plus `untimedMs` first, for the fresh connections). */
  readonly sliceSec: number;
  readonly untimedMs: number;
  /** Slices per target per repeat. */
  readonly slices: number;
  readonly repeats: number;
  readonly bounds: SliceBounds;
  /** Extra slices a target may get in a repeat to replace disturbed ones. */
  readonly retries: number;
}

/** Pure: the plan for a cell of `cellSec` per target per repeat (as many slices as fit, at least 2). */
export function planFor(cellSec: number, repeats: number, sliceSec = 0.5): FixedRatePlan {
  const slices = Math.max(2, Math.round(cellSec / sliceSec));
  return { sliceSec, untimedMs: 100, slices, repeats, bounds: DEFAULT_BOUNDS, retries: slices };
}

/** Pure: the order targets take their turns in round `round` (rotating, so none always follows the same one). */
export function turnOrder<T>(targets: readonly T[], round: number): T[] {
  return targets.map((_, j) => targets[(round + j) % targets.length]!);
}

async function slice(t: FixedRateTarget, repeat: number, plan: FixedRatePlan): Promise<SliceRecord> {
  const cpu0 = treeCpuSeconds(t.pid);
  const wait0 = processWaitNs(t.pid);
  const core0 = t.core === undefined ? undefined : readCoreTaskTicks(t.core);
  const raw = await runPacedRaw({ ...t.spec, durationSec: plan.sliceSec + plan.untimedMs / 1000, untimedMs: plan.untimedMs });
  const core1 = t.core === undefined ? undefined : readCoreTaskTicks(t.core);
  const wait1 = processWaitNs(t.pid);
  const cpu1 = treeCpuSeconds(t.pid);
  const seconds = raw.elapsedSec;
  const cpuSec = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
  const coreSec = core0 !== undefined && core1 !== undefined ? (core1 - core0) / clockTicks() : undefined;
  return {
    target: t.name,
    repeat,
    latencies: raw.latencies,
    count: raw.count,
    failures: raw.failures,
    failed: raw.failed,
    seconds: plan.sliceSec,
    genLagP99: percentile(Array.from(raw.lags), 99),
    foreignShare: coreSec !== undefined && cpuSec !== undefined ? Math.max(0, coreSec - cpuSec) / seconds : undefined,
    targetWaitMsPerSec: wait0 !== undefined && wait1 !== undefined ? (wait1 - wait0) / 1e6 / seconds : undefined,
    cpuSec,
  };
}

/**
 * Runs the cell: per repeat, `slices` rounds in which every target gets one slice (rotating order), then up to
 * `retries` rounds more for the targets that still lack kept slices. Returns every slice, kept or not.
 */
export async function runFixedRate(targets: readonly FixedRateTarget[], plan: FixedRatePlan, log: (msg: string) => void = () => undefined): Promise<SliceRecord[]> {
  const records: SliceRecord[] = [];
  for (let repeat = 0; repeat < plan.repeats; repeat++) {
    const kept = new Map<TargetName, number>(targets.map((t) => [t.name, 0]));
    for (let round = 0; round < plan.slices + plan.retries; round++) {
      const due = round < plan.slices ? targets : targets.filter((t) => kept.get(t.name)! < plan.slices);
      if (due.length === 0) break;
      for (const t of turnOrder(due, round)) {
        const r = await slice(t, repeat, plan);
        records.push(r);
        const why = disturbance(r, plan.bounds);
        if (why === undefined) kept.set(t.name, kept.get(t.name)! + 1);
        else log(`  ${t.name} slice dropped (${why === 'generator' ? `generator ${r.genLagP99.toFixed(2)} ms late` : `${((r.foreignShare ?? 0) * 100).toFixed(0)}% of its core ran other tasks`})`);
      }
    }
  }
  return records;
}
