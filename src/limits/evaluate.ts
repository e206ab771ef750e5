// Pure all-or-nothing verdict over several counters' raw values (every backend applies the same rule).
import type { ConsumeResult, CounterSpec, RawValue } from './port.js';
import { fits, prevWeightAt, retryAfterMs, stateOf } from './window.js';

/** Index of the first counter without room for its cost, or -1. */
export function firstBlocked(specs: readonly CounterSpec[], values: readonly RawValue[], now: number): number {
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i]!;
    const v = values[i] ?? ZERO;
    // usedOf(v, spanAt(s.window, now)), without a span object per counter.
    if (!fits(s.limit, v.prev * prevWeightAt(s.window, now) + v.cur, s.cost)) return i;
  }
  return -1;
}

/** Builds the result from the values as they were before consumption and the index that blocked (-1: none). */
export function evaluate(specs: readonly CounterSpec[], values: readonly RawValue[], now: number, blocked = firstBlocked(specs, values, now)): ConsumeResult {
  const ok = blocked < 0;
  if (ok) return { ok: true, states: specs.map((s, i) => stateOf(s, values[i] ?? ZERO, now, true)) };
  const spec = specs[blocked]!;
  // The longest wait among every counter that lacks room is when the whole request fits.
  let wait = 0;
  const states = specs.map((s, i) => {
    const v = values[i] ?? ZERO;
    const state = stateOf(s, v, now, false);
    const own = retryAfterMs(s, v, now);
    wait = Math.max(wait, own);
    // A counter without room resets (for this request) when its cost fits, the wait retry-after reports;
    // its full replenishment can be up to two windows away on a sliding window, which reads like a bug
    // ("1m51s" on a per-minute limit) and disagrees with retry-after.
    return own > 0 && Number.isFinite(own) ? { ...state, resetMs: Math.ceil(own) } : state;
  });
  return { ok: false, states, blocked: states[blocked] ?? stateOf(spec, ZERO, now, false), retryAfterMs: wait };
}

export const ZERO: RawValue = Object.freeze({ cur: 0, prev: 0 });
