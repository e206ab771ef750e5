// Pure: which counters a request touches (per key and per tenant), their limits and the costs reserved.
import type { KeyLimits } from '../keys/types.js';
import type { LimitSet } from './config.js';
import type { CounterSpec, Window } from './port.js';

export type Metric = 'rpm' | 'tpm' | 'req-day' | 'tok-day' | 'img-day' | 'usd-day' | 'usd-month';
export type Scope = 'k' | 't';

interface MetricDef {
  readonly window: Window;
  readonly limit: keyof KeyLimits | null;
  /** Multiplier from the configured unit to the counted unit (USD → micro-USD). */
  readonly scale: number;
  /** rate: RATE_LIMITED (retry later); quota: QUOTA_EXCEEDED (final for the period). */
  readonly kind: 'rate' | 'quota';
  /** Which part of a request's use it counts. */
  readonly field: keyof Reservation;
}

const MINUTE: Window = { kind: 'sliding', ms: 60_000 };
export const METRICS: Readonly<Record<Metric, MetricDef>> = {
  rpm: { window: MINUTE, limit: 'requestsPerMinute', scale: 1, kind: 'rate', field: 'requests' },
  tpm: { window: MINUTE, limit: 'tokensPerMinute', scale: 1, kind: 'rate', field: 'tokens' },
  'req-day': { window: { kind: 'day' }, limit: null, scale: 1, kind: 'quota', field: 'requests' },
  'tok-day': { window: { kind: 'day' }, limit: null, scale: 1, kind: 'quota', field: 'tokens' },
  'img-day': { window: { kind: 'day' }, limit: 'imagesPerDay', scale: 1, kind: 'quota', field: 'images' },
  'usd-day': { window: { kind: 'day' }, limit: 'spendPerDayUsd', scale: 1e6, kind: 'quota', field: 'microUsd' },
  'usd-month': { window: { kind: 'month' }, limit: 'spendPerMonthUsd', scale: 1e6, kind: 'quota', field: 'microUsd' },
};
export const METRIC_NAMES = Object.keys(METRICS) as Metric[];

export interface Reservation {
  requests: number;
  tokens: number;
  images: number;
  microUsd: number;
}

export function counterId(scope: Scope, owner: string, metric: Metric): string {
  return `${scope}:${owner}:${metric}`;
}

export function parseCounterId(id: string): { scope: Scope; owner: string; metric: Metric } | undefined {
  const m = /^([kt]):(.+):([a-z-]+)$/.exec(id);
  if (!m || !(m[3]! in METRICS)) return undefined;
  return { scope: m[1] as Scope, owner: m[2]!, metric: m[3] as Metric };
}

function limitOf(def: MetricDef, set: LimitSet): number | null {
  const v = def.limit === null ? undefined : set[def.limit];
  return v === undefined ? null : Math.floor(v * def.scale);
}

/** A key's effective limits: its own, then the configured defaults for anything it leaves unset. */
export function effectiveKeyLimits(own: KeyLimits, defaults: LimitSet): LimitSet {
  const out: LimitSet = { ...defaults };
  for (const [k, v] of Object.entries(own) as [keyof KeyLimits, number | undefined][]) if (v !== undefined) out[k] = v;
  return out;
}

export function specsFor(scope: Scope, owner: string, limits: LimitSet, r: Reservation): CounterSpec[] {
  return METRIC_NAMES.map((m) => {
    const def = METRICS[m];
    return { id: counterId(scope, owner, m), window: def.window, limit: limitOf(def, limits), cost: r[def.field] };
  });
}

/** Key counters first, then tenant counters: the first blocked one names the binding limit. */
export function plan(key: { id: string; tenantId: string; limits: LimitSet }, tenantLimits: LimitSet, r: Reservation): CounterSpec[] {
  return [...specsFor('k', key.id, key.limits, r), ...specsFor('t', key.tenantId, tenantLimits, r)];
}

/** Tenant limits: the tenant's own entry, else the "*" entry, else none. */
export function tenantLimitsOf(tenants: Readonly<Record<string, LimitSet>>, tenantId: string): LimitSet {
  return tenants[tenantId] ?? tenants['*'] ?? {};
}

/** A counter a request touches. `limit` null: only counted (usage reports), never checked. */
export interface Counter {
  readonly id: string;
  readonly window: Window;
  readonly limit: number | null;
  readonly field: keyof Reservation;
}

/**
 * Every counter of a key and its tenant (key first), and apart the limited ones: only those are
 * checked and reserved before forwarding; the rest just count what was used, after the answer.
 */
export interface CounterPlan {
  readonly counters: readonly Counter[];
  readonly limited: readonly Counter[];
}

export function counterPlan(key: { id: string; tenantId: string; limits: LimitSet }, tenantLimits: LimitSet): CounterPlan {
  const counters: Counter[] = [];
  for (const [scope, owner, limits] of [
    ['k', key.id, key.limits],
    ['t', key.tenantId, tenantLimits],
  ] as const) {
    for (const m of METRIC_NAMES) {
      const def = METRICS[m];
      counters.push({ id: counterId(scope, owner, m), window: def.window, limit: limitOf(def, limits), field: def.field });
    }
  }
  return { counters, limited: counters.filter((c) => c.limit !== null) };
}

/** The limited counters as the limiter consumes them, each costing its share of the reservation. */
export function limitedSpecs(p: CounterPlan, r: Reservation): CounterSpec[] {
  return p.limited.map((c) => ({ id: c.id, window: c.window, limit: c.limit, cost: r[c.field] }));
}
