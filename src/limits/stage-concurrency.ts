// Stage concurrency: how many requests one key, and one tenant, may have in flight at once (counted in concurrency.ts).
import { deny, OK, type Outcome } from '../errors/denial.js';
import type { RequestContext } from '../proxy/context.js';
import type { Stage } from '../proxy/stage.js';
import { admit, InFlight, ownersOf, type Owners } from './concurrency.js';
import type { LimitsConfig } from './config.js';

declare module '../proxy/context.js' {
  interface StageVars {
    /** The slots this request holds, given back by the after hook (every path: answered, failed, client gone). */
    inFlight: Owners | undefined;
  }
}

export function concurrency(cfg: Pick<LimitsConfig, 'keyDefaults' | 'tenants' | 'concurrency'>, flight = new InFlight()): Stage {
  return {
    name: 'concurrency',
    before(ctx: RequestContext): Outcome {
      const key = ctx.key;
      // The model list is answered without an upstream request.
      if (!key || ctx.route.endpoint === 'models') return OK;
      const owners = ownersOf(cfg, key);
      const d = admit(flight, owners);
      if (!d.ok) {
        const who = d.scope === 'key' ? 'This key' : "This key's tenant";
        return deny('RATE_LIMITED', `${who} already has ${d.limit} requests in progress, its limit of concurrent requests; retry once one has finished.`, {
          retryAfter: 1,
          // The code OpenAI's own rate limits carry: clients already handle it (a distinct message says which).
          wireCode: 'rate_limit_exceeded',
        });
      }
      ctx.vars.inFlight = owners;
      return OK;
    },
    after(ctx: RequestContext): void {
      const o = ctx.vars.inFlight;
      if (!o) return;
      ctx.vars.inFlight = undefined;
      flight.give(o.key);
      flight.give(o.tenant);
    },
  };
}
