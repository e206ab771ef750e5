// The "limit" pipeline stage: reserve the estimated use on limited key/tenant counters, reconcile and count after.
import { deny, OK, type Outcome } from '../errors/denial.js';
import type { RequestContext } from '../proxy/context.js';
import type { Stage } from '../proxy/stage.js';
import type { LimitsConfig, ModelPrice } from './config.js';
import { denialOf } from './denial.js';
import { estimate } from './estimate.js';
import { PlanCache } from './plan-cache.js';
import { limitedSpecs, type CounterPlan, type Reservation } from './plan.js';
import { LimiterUnavailable, type CounterSpec, type Limiter } from './port.js';
import { buildPriceTable, costMicroUsd, priceOf } from './price.js';
import { actualOf, adjustmentsFor } from './reconcile.js';
import type { WarnLogger } from './resilient.js';

export interface LimitVars {
  /** When the reservation was made (every adjustment lands in the same buckets). */
  at: number;
  keyId: string;
  plan: CounterPlan;
  /** What the limited counters were charged; null when the key has no limit at all (nothing reserved). */
  reserved: Reservation | null;
  model: string | undefined;
}

declare module '../proxy/context.js' {
  interface StageVars {
    limits: LimitVars;
  }
}

export interface RateLimitDeps {
  limiter: Limiter;
  config: LimitsConfig;
  log: WarnLogger;
  clock?: () => number;
}

const ONE_REQUEST = { requests: 1 } as const;
const NO_SPECS: readonly CounterSpec[] = [];

export function rateLimit(d: RateLimitDeps): Stage {
  const prices = buildPriceTable(d.config.prices);
  const priceCache = new Map<string, ModelPrice>();
  const clock = d.clock ?? Date.now;
  const plans = new PlanCache(d.config.keyDefaults, d.config.tenants);

  const priceFor = (model: string | undefined): ModelPrice => {
    if (!model) return d.config.fallbackPrice;
    let p = priceCache.get(model);
    if (!p) {
      if (priceCache.size >= 1_000) priceCache.clear(); // model names come from clients: keep it bounded
      p = priceOf(prices, model, d.config.fallbackPrice);
      priceCache.set(model, p);
    }
    return p;
  };
  const reservationOf = (ctx: RequestContext): Reservation => {
    const use = estimate(ctx.route.endpoint, ctx.body, d.config.defaultCompletionTokens);
    return { requests: 1, tokens: use.promptTokens + use.completionTokens, images: use.images, microUsd: costMicroUsd(priceFor(ctx.model), use) };
  };

  return {
    name: 'limit',
    async before(ctx: RequestContext): Promise<Outcome> {
      const key = ctx.key;
      if (!key) return OK;
      const plan = plans.get(key);
      const at = clock();
      // A key and tenant without any limit reserve nothing (usage is counted after the answer);
      // the limiter is still asked, with no counters, so a fail-closed outage refuses them too.
      const reserved = plan.limited.length > 0 ? reservationOf(ctx) : null;
      let result;
      try {
        result = await d.limiter.consume(reserved ? limitedSpecs(plan, reserved) : NO_SPECS, at);
      } catch (err) {
        if (!(err instanceof LimiterUnavailable)) throw err;
        return deny('SERVICE_UNAVAILABLE', 'Rate limits cannot be checked right now (shared limiter unavailable); try again shortly.', { retryAfter: 1 });
      }
      if (!result.ok) return { ok: false, denial: denialOf(result) };
      ctx.vars.limits = { at, keyId: key.id, plan, reserved, model: ctx.model };
      return OK;
    },
    after(ctx: RequestContext): void {
      const v = ctx.vars.limits;
      if (!v) return;
      const price = priceFor(v.model);
      const actual = actualOf(ONE_REQUEST, ctx.usage, ctx.status, (u) => costMicroUsd(price, u)) ?? v.reserved ?? reservationOf(ctx);
      const adjustments = adjustmentsFor(v.plan, v.reserved, actual, v.at);
      if (adjustments.length === 0) return;
      d.limiter.adjust(adjustments).catch((err: unknown) => {
        d.log.warn('limits: usage reconciliation failed', { keyId: v.keyId, error: err instanceof Error ? err.message : String(err) });
      });
    },
  };
}
