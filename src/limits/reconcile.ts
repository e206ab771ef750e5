// Pure: after the answer, what each counter must add: the correction of a reservation, or the use itself.
import type { Usage } from '../api.js';
import type { CounterPlan, Reservation } from './plan.js';
import type { Adjustment, Delta } from './port.js';
import type { Consumption } from './price.js';

/**
 * - usage known (JSON body, or a stream's final usage chunk): charge exactly that;
 * - no usage and the client left (499) once the request had gone upstream: the estimate stands (the upstream
 *   may have worked on it all the same, and leaving must not make an answer free);
 * - no usage and the request failed (denied later, upstream error): only the request counts;
 * - no usage on a success (a stream without a usage chunk): undefined, the estimate stands.
 */
export function actualOf(reserved: Pick<Reservation, 'requests'>, usage: Usage | undefined, status: number, costOf: (c: Consumption) => number): Reservation | undefined {
  if (usage) {
    const c = { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, images: usage.images };
    const tokens = usage.totalTokens || usage.promptTokens + usage.completionTokens;
    return { requests: reserved.requests, tokens, images: usage.images, microUsd: costOf(c) };
  }
  if (status === 499) return undefined;
  if (status >= 400 || status === 0) return { requests: reserved.requests, tokens: 0, images: 0, microUsd: 0 };
  return undefined;
}

/**
 * Limited counters were charged `reserved` before forwarding: they get actual − reserved.
 * Unlimited counters were not touched: they get the actual use (for usage reports), nothing else.
 * Both land in the buckets current at `at`, the reservation time.
 */
export function adjustmentsFor(plan: CounterPlan, reserved: Reservation | null, actual: Reservation, at: number): Adjustment[] {
  const out: Adjustment[] = [];
  for (const c of plan.counters) {
    const before = c.limit !== null && reserved ? reserved[c.field] : 0;
    const delta = Math.trunc(actual[c.field] - before);
    if (delta !== 0) out.push({ id: c.id, window: c.window, delta, at });
  }
  return out;
}

/** adjustmentsFor without the time: the same corrections, in the same order, for a limiter's adjustAt. */
export function deltasFor(plan: CounterPlan, reserved: Reservation | null, actual: Reservation): Delta[] {
  const out: Delta[] = [];
  for (const c of plan.counters) {
    const before = c.limit !== null && reserved ? reserved[c.field] : 0;
    const delta = Math.trunc(actual[c.field] - before);
    if (delta !== 0) out.push({ id: c.id, window: c.window, delta });
  }
  return out;
}
