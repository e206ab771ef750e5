// Admin routes: current usage and spend per key and per tenant, read from the (shared) limiter.
import type { AdminRoute } from '../admin/route.js';
import type { Deps } from '../deps.js';
import { LimiterUnavailable } from './port.js';
import { effectiveKeyLimits, tenantLimitsOf } from './plan.js';
import { usageReport, usageSpecs } from './usage.js';

export function usageRoutes(deps: Pick<Deps, 'store' | 'limiter' | 'config'>): AdminRoute[] {
  const cfg = deps.config.limits;
  const read = async (specs: ReturnType<typeof usageSpecs>) => {
    try {
      return { ok: true as const, states: await deps.limiter.peek(specs, Date.now()) };
    } catch (err) {
      if (!(err instanceof LimiterUnavailable)) throw err;
      return { ok: false as const };
    }
  };
  const unavailable = { denial: { code: 'SERVICE_UNAVAILABLE' as const, message: 'Usage counters are unavailable right now (shared limiter unreachable).', retryAfter: 1 } };
  return [
    {
      method: 'GET',
      path: '/keys/:id/usage',
      async handle({ params }) {
        const key = await deps.store.getKey(params['id'] ?? '');
        if (!key) return { denial: { code: 'NOT_FOUND', message: `No key ${params['id']}.` } };
        const limits = effectiveKeyLimits(key.limits, cfg.keyDefaults);
        const r = await read(usageSpecs('k', key.id, limits));
        if (!r.ok) return unavailable;
        return { status: 200, body: { keyId: key.id, tenantId: key.tenantId, limits, usage: usageReport(r.states) } };
      },
    },
    {
      method: 'GET',
      path: '/tenants/:id/usage',
      async handle({ params }) {
        const tenant = await deps.store.getTenant(params['id'] ?? '');
        if (!tenant) return { denial: { code: 'NOT_FOUND', message: `No tenant ${params['id']}.` } };
        const limits = tenantLimitsOf(cfg.tenants, tenant.id);
        const r = await read(usageSpecs('t', tenant.id, limits));
        if (!r.ok) return unavailable;
        return { status: 200, body: { tenantId: tenant.id, limits, usage: usageReport(r.states) } };
      },
    },
  ];
}
