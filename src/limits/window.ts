// Pure window arithmetic shared by every limiter backend (bucket names, weights, fit, reset, retry).
import type { CounterSpec, CounterState, RawValue, Window } from './port.js';

export interface Buckets {
  /** Suffix naming the current bucket. */
  readonly cur: string;
  /** Suffix naming the previous bucket (sliding only). */
  readonly prev: string | null;
  /** Weight of the previous bucket at `now`, 0..1. */
  readonly prevWeight: number;
  /** Start and end (ms) of the current bucket. */
  readonly start: number;
  readonly end: number;
  /** When the stored current bucket can be forgotten. */
  readonly expireAt: number;
}

const DAY = 86_400_000;

export function bucketsAt(w: Window, now: number): Buckets {
  if (w.kind === 'sliding') {
    const i = Math.floor(now / w.ms);
    const start = i * w.ms;
    return {
      cur: `s${w.ms}:${i}`,
      prev: `s${w.ms}:${i - 1}`,
      prevWeight: 1 - (now - start) / w.ms,
      start,
      end: start + w.ms,
      // It is still read as "previous" during the next bucket.
      expireAt: start + 2 * w.ms + 1_000,
    };
  }
  const d = new Date(now);
  if (w.kind === 'day') {
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    return { cur: `d:${new Date(start).toISOString().slice(0, 10)}`, prev: null, prevWeight: 0, start, end: start + DAY, expireAt: start + 2 * DAY };
  }
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return { cur: `m:${new Date(start).toISOString().slice(0, 7)}`, prev: null, prevWeight: 0, start, end, expireAt: end + 2 * DAY };
}

export function usedOf(v: RawValue, b: Buckets): number {
  return v.prev * b.prevWeight + v.cur;
}

/** A counter has room when it is unlimited, or below its limit and the cost fits. */
export function fits(limit: number | null, used: number, cost: number): boolean {
  return limit === null || (used < limit && used + cost <= limit);
}

/** Milliseconds until `cost` fits, if nothing else is consumed meanwhile. */
export function retryAfterMs(spec: CounterSpec, v: RawValue, now: number): number {
  const b = bucketsAt(spec.window, now);
  const limit = spec.limit;
  if (limit === null || fits(limit, usedOf(v, b), spec.cost)) return 0;
  if (spec.cost > limit) return Infinity;
  if (spec.window.kind !== 'sliding') return b.end - now;
  const w = spec.window.ms;
  const room = limit - spec.cost;
  // Within the current bucket only the previous bucket's share decays.
  if (v.cur <= room && v.prev > 0) {
    const weightNeeded = (room - v.cur) / v.prev; // prevWeight must drop to this
    const t = b.start + (1 - weightNeeded) * w;
    if (t < b.end) return Math.max(1, Math.ceil(t - now));
  }
  // Otherwise the current bucket must become the previous one and decay.
  const weightNeeded = v.cur > 0 ? Math.min(1, room / v.cur) : 1;
  return Math.max(1, Math.ceil(b.end + (1 - weightNeeded) * w - now));
}

export function stateOf(spec: CounterSpec, v: RawValue, now: number, consumed: boolean): CounterState {
  const b = bucketsAt(spec.window, now);
  const used = usedOf(v, b) + (consumed ? spec.cost : 0);
  const resetMs = spec.window.kind === 'sliding' ? (v.cur + (consumed ? spec.cost : 0) > 0 ? b.end + spec.window.ms - now : b.end - now) : b.end - now;
  return {
    id: spec.id,
    limit: spec.limit,
    used,
    remaining: spec.limit === null ? null : Math.max(0, Math.floor(spec.limit - used)),
    resetMs: Math.max(0, Math.ceil(resetMs)),
  };
}
