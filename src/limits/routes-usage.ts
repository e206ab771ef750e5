// Admin routes: current usage and spend per key and per tenant, read from the (shared) limiter.
import type { AdminRoute } from '../admin/route.js';
import type { Deps } from '../deps.js';
import { LimiterUnavailable } from './port.js';
import { effectiveKeyLimits, tenantLimitsOf } from './plan.js';
import { usageReport, usageSpecs } from './usage.js';

/** Keys reported by GET /usage at most (one counter read for all of them). */
const MAX_KEYS = 500;

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
      // Every tenant and its live keys (optionally one tenant), each against its limits: one read of the counters.
      method: 'GET',
      path: '/usage',
      async handle({ query }) {
        const only = query.get('tenantId');
        const tenants = (await deps.store.listTenants()).filter((t) => !only || t.id === only);
        const live = (await deps.store.listKeys(only ?? undefined)).filter((k) => k.status === 'active' || k.status === 'suspended');
        const keys = live.slice(0, MAX_KEYS);
        const owners = [
          ...tenants.map((t) => ({ scope: 't' as const, id: t.id, limits: tenantLimitsOf(cfg.tenants, t.id) })),
          ...keys.map((k) => ({ scope: 'k' as const, id: k.id, limits: effectiveKeyLimits(k.limits, cfg.keyDefaults) })),
        ];
        const specs = owners.map((o) => usageSpecs(o.scope, o.id, o.limits));
        const r = await read(specs.flat());
        if (!r.ok) return unavailable;
        const byId = new Map(r.states.map((s) => [s.id, s]));
        const report = (i: number) => usageReport(specs[i]!.flatMap((s) => byId.get(s.id) ?? []));
        const out = owners.map((o, i) => ({ ...o, usage: report(i) }));
        const names = new Map(tenants.map((t) => [t.id, t.name]));
        return {
          status: 200,
          body: {
            /** More live keys than one answer reports: ask per tenant (?tenantId=). */
            truncated: live.length > keys.length,
            tenants: out.filter((o) => o.scope === 't').map((o) => ({ tenantId: o.id, name: names.get(o.id) ?? o.id, limits: o.limits, usage: o.usage })),
            keys: out
              .filter((o) => o.scope === 'k')
              .map((o) => {
                const k = keys.find((x) => x.id === o.id)!;
                return { keyId: k.id, name: k.name, tenantId: k.tenantId, status: k.status, limits: o.limits, usage: o.usage };
              }),
          },
        };
      },
    },
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
