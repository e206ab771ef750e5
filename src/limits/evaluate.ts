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
  const states = specs.map((s, i) => stateOf(s, values[i] ?? ZERO, now, ok));
  if (ok) return { ok: true, states };
  const spec = specs[blocked]!;
  // The longest wait among every counter that lacks room is when the whole request fits.
  let wait = 0;
  specs.forEach((s, i) => {
    wait = Math.max(wait, retryAfterMs(s, values[i] ?? ZERO, now));
  });
  return { ok: false, states, blocked: states[blocked] ?? stateOf(spec, ZERO, now, false), retryAfterMs: wait };
}

export const ZERO: RawValue = Object.freeze({ cur: 0, prev: 0 });
