// The "limit" pipeline stage: reserve the request's estimated use on every key/tenant counter, reconcile after.
import { deny, OK, type Outcome } from '../errors/denial.js';
import type { RequestContext } from '../proxy/context.js';
import type { Stage } from '../proxy/stage.js';
import type { LimitsConfig } from './config.js';
import { denialOf } from './denial.js';
import { estimate } from './estimate.js';
import { effectiveKeyLimits, plan, tenantLimitsOf, type Reservation } from './plan.js';
import { LimiterUnavailable, type Limiter } from './port.js';
import { buildPriceTable, costMicroUsd, priceOf } from './price.js';
import { reconcile } from './reconcile.js';
import type { WarnLogger } from './resilient.js';

export interface LimitVars {
  /** When the reservation was made (adjustments land in the same buckets). */
  at: number;
  keyId: string;
  tenantId: string;
  reserved: Reservation;
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

export function rateLimit(d: RateLimitDeps): Stage {
  const prices = buildPriceTable(d.config.prices);
  const clock = d.clock ?? Date.now;

  return {
    name: 'limit',
    async before(ctx: RequestContext): Promise<Outcome> {
      const key = ctx.key;
      if (!key) return OK;
      const use = estimate(ctx.route.endpoint, ctx.body, d.config.defaultCompletionTokens);
      const reserved: Reservation = {
        requests: 1,
        tokens: use.promptTokens + use.completionTokens,
        images: use.images,
        microUsd: costMicroUsd(priceOf(prices, ctx.model, d.config.fallbackPrice), use),
      };
      const keyLimits = effectiveKeyLimits(key.limits, d.config.keyDefaults);
      const specs = plan({ id: key.id, tenantId: key.tenantId, limits: keyLimits }, tenantLimitsOf(d.config.tenants, key.tenantId), reserved);
      const at = clock();
      let result;
      try {
        result = await d.limiter.consume(specs, at);
      } catch (err) {
        if (!(err instanceof LimiterUnavailable)) throw err;
        return deny('SERVICE_UNAVAILABLE', 'Rate limits cannot be checked right now (shared limiter unavailable); try again shortly.', { retryAfter: 1 });
      }
      if (!result.ok) return { ok: false, denial: denialOf(result) };
      ctx.vars.limits = { at, keyId: key.id, tenantId: key.tenantId, reserved, model: ctx.model };
      return OK;
    },
    after(ctx: RequestContext): void {
      const v = ctx.vars.limits;
      if (!v) return;
      const adjustments = reconcile(v, ctx.usage, ctx.status, (u) => costMicroUsd(priceOf(prices, v.model, d.config.fallbackPrice), u));
      if (adjustments.length === 0) return;
      d.limiter.adjust(adjustments).catch((err: unknown) => {
        d.log.warn('limits: usage reconciliation failed', { keyId: v.keyId, error: err instanceof Error ? err.message : String(err) });
      });
    },
  };
}
