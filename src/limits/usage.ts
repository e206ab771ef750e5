// Pure: a readable usage report (per key or tenant) from counter states, in the units operators set limits in.
import type { LimitSet } from './config.js';
import { METRICS, parseCounterId, specsFor, type Metric, type Scope } from './plan.js';
import type { CounterSpec, CounterState } from './port.js';

export interface UsageLine {
  used: number;
  limit: number | null;
  remaining: number | null;
  resetsInMs: number;
}

const NAMES: Record<Metric, string> = {
  rpm: 'requestsPerMinute',
  tpm: 'tokensPerMinute',
  'req-day': 'requestsToday',
  'tok-day': 'tokensToday',
  'img-day': 'imagesToday',
  'usd-day': 'spendTodayUsd',
  'usd-month': 'spendThisMonthUsd',
};

/** Counters to read: the same ones requests consume, costing nothing. */
export function usageSpecs(scope: Scope, owner: string, limits: LimitSet): CounterSpec[] {
  return specsFor(scope, owner, limits, { requests: 0, tokens: 0, images: 0, microUsd: 0 });
}

export function usageReport(states: readonly CounterState[]): Record<string, UsageLine> {
  const out: Record<string, UsageLine> = {};
  for (const s of states) {
    const p = parseCounterId(s.id);
    if (!p) continue;
    const scale = METRICS[p.metric].scale;
    // Sliding windows weigh the previous minute, so "used" can be fractional: round for people.
    const round = (v: number): number => (scale === 1 ? Math.round(v) : Math.round((v / scale) * 1e6) / 1e6);
    out[NAMES[p.metric]] = {
      used: round(s.used),
      limit: s.limit === null ? null : round(s.limit),
      remaining: s.remaining === null ? null : round(s.remaining),
      resetsInMs: s.resetMs,
    };
  }
  return out;
}
