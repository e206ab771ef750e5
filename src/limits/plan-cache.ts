// Remembers each key's counter plan, so a request does not rebuild counter names and limits every time.
import type { KeyLimits } from '../keys/types.js';
import type { LimitSet } from './config.js';
import { counterPlan, effectiveKeyLimits, tenantLimitsOf, type CounterPlan } from './plan.js';

const FIELDS = ['requestsPerMinute', 'tokensPerMinute', 'imagesPerDay', 'spendPerDayUsd', 'spendPerMonthUsd'] as const;

interface Entry {
  readonly tenantId: string;
  /** The key's own limits the plan was built from: a changed key record rebuilds it. */
  readonly own: KeyLimits;
  readonly plan: CounterPlan;
}

function sameLimits(a: KeyLimits, b: KeyLimits): boolean {
  if (a === b) return true;
  for (const f of FIELDS) if (a[f] !== b[f]) return false;
  return true;
}

export class PlanCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly keyDefaults: LimitSet,
    private readonly tenants: Readonly<Record<string, LimitSet>>,
    /** Bound on remembered keys; past it the cache starts over (a rebuild is cheap, just not free). */
    private readonly max = 10_000,
  ) {}

  get(key: { id: string; tenantId: string; limits: KeyLimits }): CounterPlan {
    const e = this.entries.get(key.id);
    if (e && e.tenantId === key.tenantId && sameLimits(e.own, key.limits)) return e.plan;
    const plan = counterPlan({ id: key.id, tenantId: key.tenantId, limits: effectiveKeyLimits(key.limits, this.keyDefaults) }, tenantLimitsOf(this.tenants, key.tenantId));
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key.id, { tenantId: key.tenantId, own: key.limits, plan });
    return plan;
  }
}
