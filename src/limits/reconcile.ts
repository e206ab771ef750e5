// Pure: corrections that replace a request's reserved estimate with what the upstream reported.
import type { Usage } from '../proxy/context.js';
import { counterId, METRIC_NAMES, type Metric, type Reservation, type Scope } from './plan.js';
import type { Adjustment } from './port.js';
import { METRICS } from './plan.js';
import type { Consumption } from './price.js';

interface Reserved {
  at: number;
  keyId: string;
  tenantId: string;
  reserved: Reservation;
}

/**
 * - usage known (JSON body, or a stream's final usage chunk): charge exactly that;
 * - no usage and the request failed (denied later, upstream error): refund all but the request;
 * - no usage on a success (a stream without a usage chunk): keep the estimate.
 */
export function actualOf(reserved: Reservation, usage: Usage | undefined, status: number, costOf: (c: Consumption) => number): Reservation | undefined {
  if (usage) {
    const c = { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, images: usage.images };
    const tokens = usage.totalTokens || usage.promptTokens + usage.completionTokens;
    return { requests: reserved.requests, tokens, images: usage.images, microUsd: costOf(c) };
  }
  if (status >= 400 || status === 0) return { requests: reserved.requests, tokens: 0, images: 0, microUsd: 0 };
  return undefined;
}

const FIELD: Record<Metric, keyof Reservation> = {
  rpm: 'requests',
  'req-day': 'requests',
  tpm: 'tokens',
  'tok-day': 'tokens',
  'img-day': 'images',
  'usd-day': 'microUsd',
  'usd-month': 'microUsd',
};

export function reconcile(v: Reserved, usage: Usage | undefined, status: number, costOf: (c: Consumption) => number): Adjustment[] {
  const actual = actualOf(v.reserved, usage, status, costOf);
  if (!actual) return [];
  const out: Adjustment[] = [];
  for (const [scope, owner] of [['k', v.keyId], ['t', v.tenantId]] as [Scope, string][]) {
    for (const m of METRIC_NAMES) {
      const f = FIELD[m];
      const delta = Math.trunc(actual[f] - v.reserved[f]);
      if (delta !== 0) out.push({ id: counterId(scope, owner, m), window: METRICS[m].window, delta, at: v.at });
    }
  }
  return out;
}
