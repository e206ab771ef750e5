// Stage limit: refuse a key just refused before its body is read (header phase), then reserve the estimated use
// on limited key/tenant counters, reconcile and count after (body phase).
import { deny, OK, type Outcome } from '../errors/denial.js';
import type { KeyRecord } from '../keys/types.js';
import type { RequestContext } from '../proxy/context.js';
import type { Stage } from '../proxy/stage.js';
import type { LimitsConfig, ModelPrice } from './config.js';
import { denialOf } from './denial.js';
import { estimate } from './estimate.js';
import type { ExhaustedKeys } from './exhausted.js';
import { PlanCache } from './plan-cache.js';
import { limitedSpecs, type CounterPlan, type Reservation } from './plan.js';
import { LimiterUnavailable, type ConsumeResult, type CounterSpec, type Delta, type Limiter } from './port.js';
import { buildPriceTable, costMicroUsd, priceOf } from './price.js';
import { actualOf, adjustmentsFor, deltasFor } from './reconcile.js';
import type { WarnLogger } from './resilient.js';

export interface LimitVars {
  /** When the reservation was made (every adjustment lands in the same buckets). */
  at: number;
  keyId: string;
  plan: CounterPlan;
  /** What the limited counters were charged; null when the key has no limit at all (nothing reserved). */
  reserved: Reservation | null;
  model: string | undefined;
  /** What the request cost once answered (metrics read it after this stage's `after`). */
  spentMicroUsd?: number;
}

declare module '../proxy/context.js' {
  interface StageVars {
    limits: LimitVars;
  }
}

export interface LimitDeps {
  limiter: Limiter;
  config: LimitsConfig;
  log: WarnLogger;
  clock?: () => number;
  /** Told of every refusal, so the header-phase gate can refuse the key's next requests unparsed. */
  exhausted?: ExhaustedKeys;
}

const ONE_REQUEST = { requests: 1 } as const;

const sameUse = (a: Reservation | null, b: Reservation | null): boolean =>
  a === b || (a !== null && b !== null && a.requests === b.requests && a.tokens === b.tokens && a.images === b.images && a.microUsd === b.microUsd);
const NO_SPECS: readonly CounterSpec[] = [];

/**
 * `gate` (header phase): a key the body phase just refused (`d.exhausted`) is refused again unparsed. `reserve`
 * (body phase): reserve, reconcile and count. Both report as the 'limit' stage; give both the same `exhausted`.
 */
export function limit(part: 'gate' | 'reserve', d: LimitDeps): Stage {
  return part === 'gate' ? gate(d) : reserve(d);
}

function gate(d: LimitDeps): Stage {
  const exhausted = d.exhausted;
  const clock = d.clock ?? Date.now;
  if (!exhausted) return { name: 'limit' };
  return {
    name: 'limit',
    before(ctx): Outcome {
      const key = ctx.key;
      if (!key) return OK;
      const refusal = exhausted.refusal(key, clock());
      return refusal ? { ok: false, denial: refusal } : OK;
    },
  };
}

function reserve(d: LimitDeps): Stage {
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

  /**
   * The specs of a plan for one reservation, kept per plan for the last reservation seen: a key repeating the same
   * request reserves the same amounts (specs are read-only to every limiter, so one array may serve them all).
   */
  const specMemo = new WeakMap<CounterPlan, { r: Reservation; specs: readonly CounterSpec[] }>();
  const specsOf = (plan: CounterPlan, r: Reservation): readonly CounterSpec[] => {
    const m = specMemo.get(plan);
    if (m && sameUse(m.r, r)) return m.specs;
    const specs = limitedSpecs(plan, r);
    specMemo.set(plan, { r, specs });
    return specs;
  };
  /** The corrections of a plan, kept per plan for the last reserved and actual amounts (deltas are read-only). */
  const deltaMemo = new WeakMap<CounterPlan, { reserved: Reservation | null; actual: Reservation; deltas: readonly Delta[] }>();
  const deltasOf = (plan: CounterPlan, reserved: Reservation | null, actual: Reservation): readonly Delta[] => {
    const m = deltaMemo.get(plan);
    if (m && sameUse(m.reserved, reserved) && sameUse(m.actual, actual)) return m.deltas;
    const deltas = deltasFor(plan, reserved, actual);
    deltaMemo.set(plan, { reserved, actual, deltas });
    return deltas;
  };
  const failed = (keyId: string, err: unknown): void => {
    d.log.warn('limits: usage reconciliation failed', { keyId, error: err instanceof Error ? err.message : String(err) });
  };
  const unavailable = (): Outcome => deny('SERVICE_UNAVAILABLE', 'Rate limits cannot be checked right now (shared limiter unavailable); try again shortly.', { retryAfter: 1 });
  const refused = (key: KeyRecord, result: Extract<ConsumeResult, { ok: false }>, at: number): Outcome => {
    const denial = denialOf(result);
    d.exhausted?.note(key, result, denial, at);
    return { ok: false, denial };
  };
  const admitted = (ctx: RequestContext, result: ConsumeResult, vars: LimitVars): Outcome => {
    if (!result.ok) return refused(ctx.key!, result, vars.at);
    ctx.vars.limits = vars;
    return OK;
  };

  return {
    name: 'limit',
    before(ctx: RequestContext): Outcome | Promise<Outcome> {
      const key = ctx.key;
      if (!key) return OK;
      const plan = plans.get(key);
      const at = clock();
      // A key and tenant without any limit reserve nothing (usage is counted after the answer);
      // the limiter is still asked, with no counters, so a fail-closed outage refuses them too.
      const reserved = plan.limited.length > 0 ? reservationOf(ctx) : null;
      const specs = reserved ? specsOf(plan, reserved) : NO_SPECS;
      const vars: LimitVars = { at, keyId: key.id, plan, reserved, model: ctx.model };
      // An in-process limiter answers at once: no promise per request.
      if (d.limiter.consumeNow) {
        const r = d.limiter.consumeNow(specs, at);
        if (r !== true) return refused(key, r, at);
        ctx.vars.limits = vars;
        return OK;
      }
      let pending: Promise<ConsumeResult>;
      try {
        pending = d.limiter.consume(specs, at);
      } catch (err) {
        if (!(err instanceof LimiterUnavailable)) throw err;
        return unavailable();
      }
      return pending.then(
        (result) => admitted(ctx, result, vars),
        (err: unknown) => {
          if (!(err instanceof LimiterUnavailable)) throw err;
          return unavailable();
        },
      );
    },
    after(ctx: RequestContext): void {
      const v = ctx.vars.limits;
      if (!v) return;
      const price = priceFor(v.model);
      const actual = actualOf(ONE_REQUEST, ctx.usage, ctx.status, (u) => costMicroUsd(price, u)) ?? v.reserved ?? reservationOf(ctx);
      v.spentMicroUsd = actual.microUsd;
      // An in-process limiter takes the corrections at once, and a key repeating the same request repeats them.
      if (d.limiter.adjustAt) {
        const deltas = deltasOf(v.plan, v.reserved, actual);
        if (deltas.length === 0) return;
        try {
          d.limiter.adjustAt(deltas, v.at);
        } catch (err) {
          failed(v.keyId, err);
        }
        return;
      }
      const adjustments = adjustmentsFor(v.plan, v.reserved, actual, v.at);
      if (adjustments.length === 0) return;
      d.limiter.adjust(adjustments).catch((err: unknown) => failed(v.keyId, err));
    },
  };
}
