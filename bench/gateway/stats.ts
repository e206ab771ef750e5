// Pure statistics for the bench: percentiles over raw latencies, medians over runs.
import type { TargetStalls } from './stalls.js';

/** Nearest-rank percentile of unsorted samples (NaN when empty). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** "median [min–max]" of repeated figures, to `digits` decimals: how the A/B tools print a spread. */
export function spread(xs: readonly number[], digits = 0): string {
  return `${median(xs).toFixed(digits)} [${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}]`;
}

export interface RunResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** Responses that were not 2xx, plus socket errors and timeouts: a run with any is suspect. */
  readonly failures: number;
  /** Non-2xx statuses seen (status → count), and socket errors/timeouts under "error". */
  readonly failed?: Readonly<Record<string, number>>;
  /** 2xx responses counted. */
  readonly count: number;
  /** CPU time the target process spent per 2xx response, microseconds (when measurable). */
  readonly cpuUsPerReq?: number;
  /** CPU µs per request of the target's main (request) thread only. */
  readonly mainCpuUsPerReq?: number;
  /** Over the runs a median run was picked from: the largest p99 less the smallest, ms (several runs only). */
  readonly p99Spread?: number;
  /** Fixed rate: how late the generator sent its 99th-percentile request against the schedule, ms. */
  readonly genLagP99?: number;
  /** Fixed rate: share of the load core (1) busy during the run, all processes on it. */
  readonly loadCoreBusy?: number;
  /** Fixed rate, gateways: what the target's own metrics say may have stalled it. */
  readonly stalls?: TargetStalls;
  /** Fixed rate, sliced (fixed-rate.ts): median over repeats of the target's p50 / p99 less the passthrough's, ms. */
  readonly addedP50?: number;
  readonly addedP99?: number;
  /** Largest less smallest added p99 over the repeats, ms. */
  readonly addedP99Spread?: number;
  /** Slices kept (generator on time, the target's core its own) of those run. */
  readonly slicesKept?: number;
  readonly slicesTotal?: number;
  /** Share of the run other tasks used the target's core. */
  readonly foreignShare?: number;
  /** The target's threads' run-queue wait, ms per second. */
  readonly targetWaitMsPerSec?: number;
}

/**
 * The median run by throughput (or by `by`: p50 for runs at a fixed rate), with its own latencies: mixing the median req/s of one run
 * with the median p99 of another would describe a run that never happened.
 */
export function medianRun(runs: readonly RunResult[], by: (r: RunResult) => number = (r) => r.rps): RunResult | undefined {
  if (runs.length === 0) return undefined;
  const sorted = [...runs].sort((a, b) => by(a) - by(b));
  const m = sorted[Math.floor((sorted.length - 1) / 2)]!;
  if (runs.length < 2) return m;
  const p99s = runs.map((r) => r.p99).filter(Number.isFinite);
  return p99s.length < 2 ? m : { ...m, p99Spread: Math.max(...p99s) - Math.min(...p99s) };
}
