// Pure window arithmetic shared by every limiter backend (bucket names, weights, fit, reset, retry).
import type { CounterSpec, CounterState, RawValue, Window } from './port.js';

/** Where `now` falls in a window: numbers only (what the limit checks need; no bucket names to build). */
export interface Span {
  /** Weight of the previous bucket at `now`, 0..1. */
  readonly prevWeight: number;
  /** Start and end (ms) of the current bucket. */
  readonly start: number;
  readonly end: number;
  /** When the stored current bucket can be forgotten. */
  readonly expireAt: number;
}

/** A Span plus the names the shared (Redis) counters store its buckets under. */
export interface Buckets extends Span {
  /** Suffix naming the current bucket. */
  readonly cur: string;
  /** Suffix naming the previous bucket (sliding only). */
  readonly prev: string | null;
}

const DAY = 86_400_000;

/** The UTC month containing `now`, cached: the hot path asks for the same month all month long. */
let month = { index: -1, start: 0, end: 0, name: '' };
function monthAt(now: number): typeof month {
  if (now >= month.start && now < month.end) return month;
  const d = new Date(now);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const start = Date.UTC(y, m, 1);
  month = { index: (y - 1970) * 12 + m, start, end: Date.UTC(y, m + 1, 1), name: `m:${new Date(start).toISOString().slice(0, 7)}` };
  return month;
}

/**
 * Number of the period containing `now`: the sliding bucket, the UTC day (Unix time has no leap
 * seconds, so days are exact), or months since 1970. Consecutive periods differ by one.
 */
export function periodOf(w: Window, now: number): number {
  if (w.kind === 'sliding') return Math.floor(now / w.ms);
  if (w.kind === 'day') return Math.floor(now / DAY);
  return monthAt(now).index;
}

/** When a counter whose current period is `index` may be forgotten (sliding: read as "previous" next). */
export function forgetAt(w: Window, index: number): number {
  if (w.kind === 'sliding') return (index + 2) * w.ms + 1_000;
  if (w.kind === 'day') return (index + 2) * DAY;
  return Date.UTC(1970, index + 1, 1) + 2 * DAY;
}

let dayName = { index: -1, name: '' };

export function spanAt(w: Window, now: number): Span {
  if (w.kind === 'sliding') {
    const start = Math.floor(now / w.ms) * w.ms;
    // A sliding bucket is still read as "previous" during the next one.
    return { prevWeight: 1 - (now - start) / w.ms, start, end: start + w.ms, expireAt: start + 2 * w.ms + 1_000 };
  }
  if (w.kind === 'day') {
    const start = Math.floor(now / DAY) * DAY;
    return { prevWeight: 0, start, end: start + DAY, expireAt: start + 2 * DAY };
  }
  const m = monthAt(now);
  return { prevWeight: 0, start: m.start, end: m.end, expireAt: m.end + 2 * DAY };
}

/** spanAt(w, now).prevWeight without building the span (the fit check per request needs only this). */
export function prevWeightAt(w: Window, now: number): number {
  if (w.kind !== 'sliding') return 0;
  const start = Math.floor(now / w.ms) * w.ms;
  return 1 - (now - start) / w.ms;
}

/** spanAt plus the bucket names (Redis stores each bucket under its name). */
export function bucketsAt(w: Window, now: number): Buckets {
  const span = spanAt(w, now);
  if (w.kind === 'sliding') {
    const i = Math.floor(now / w.ms);
    return { ...span, cur: `s${w.ms}:${i}`, prev: `s${w.ms}:${i - 1}` };
  }
  if (w.kind === 'day') {
    const i = Math.floor(now / DAY);
    if (dayName.index !== i) dayName = { index: i, name: `d:${new Date(i * DAY).toISOString().slice(0, 10)}` };
    return { ...span, cur: dayName.name, prev: null };
  }
  return { ...span, cur: monthAt(now).name, prev: null };
}

export function usedOf(v: RawValue, b: Pick<Span, 'prevWeight'>): number {
  return v.prev * b.prevWeight + v.cur;
}

/** A counter has room when it is unlimited, or below its limit and the cost fits. */
export function fits(limit: number | null, used: number, cost: number): boolean {
  return limit === null || (used < limit && used + cost <= limit);
}

/** Milliseconds until `cost` fits, if nothing else is consumed meanwhile. */
export function retryAfterMs(spec: CounterSpec, v: RawValue, now: number): number {
  const b = spanAt(spec.window, now);
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
  const b = spanAt(spec.window, now);
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
