// Admin routes for safety: per-tenant and per-key policy overrides, the effective policy, per-key counts.
import type { Deps } from '../deps.js';
import type { AdminRoute } from '../admin/route.js';
import { parseInput } from '../admin/validate.js';
import { adminEvent } from '../keys/service.js';
import { policyPatchSchema } from './policy/types.js';

export function safetyRoutes(deps: Deps): AdminRoute[] {
  const svc = deps.safety;
  const exists = async (scope: 'tenant' | 'key', id: string): Promise<boolean> => (scope === 'tenant' ? await deps.store.getTenant(id) : await deps.store.getKey(id)) !== undefined;
  const scoped = (scope: 'tenant' | 'key'): AdminRoute[] => {
    const path = `/safety/policies/${scope === 'tenant' ? 'tenants' : 'keys'}/:id`;
    return [
      {
        method: 'GET',
        path,
        async handle({ params }) {
          return { status: 200, body: { scope, id: params['id'], override: (await svc.stored(scope, params['id']!)) ?? null } };
        },
      },
      {
        method: 'PUT',
        path,
        async handle({ params, body, actor }) {
          const id = params['id']!;
          // An override for a tenant or key the store does not hold would apply to nothing (or, later, to a
          // record that happens to get that id): say so instead of storing it.
          if (!(await exists(scope, id))) return { denial: { code: 'NOT_FOUND', message: `No ${scope} ${id}.` } };
          const p = parseInput(policyPatchSchema.strict(), body);
          if (!p.ok) return p;
          for (const g of p.value.guards ?? [])
            if (!svc.guards.has(g)) return { denial: { code: 'INVALID_REQUEST', message: `No guard named '${g}' is configured (safety.guards).`, param: 'guards' } };
          const before = (await svc.stored(scope, id)) ?? null;
          await svc.setStored(scope, id, p.value);
          // Policy changes are admin actions: they go to the tamper-evident log like key changes, before and after.
          deps.audit.append(adminEvent(actor, `safety.policy.${scope}.set`, scope === 'key' ? { keyId: id } : { tenantId: id }, { before, after: p.value }));
          return { status: 200, body: { scope, id, override: p.value } };
        },
      },
      {
        method: 'DELETE',
        path,
        async handle({ params, actor }) {
          const id = params['id']!;
          const before = (await svc.stored(scope, id)) ?? null;
          await svc.setStored(scope, id, undefined);
          deps.audit.append(adminEvent(actor, `safety.policy.${scope}.delete`, scope === 'key' ? { keyId: id } : { tenantId: id }, { before, after: null }));
          return { status: 200, body: { scope, id, override: null } };
        },
      },
    ];
  };
  return [
    ...scoped('tenant'),
    ...scoped('key'),
    {
      method: 'GET',
      path: '/safety/effective/:keyId',
      async handle({ params }) {
        const key = await deps.store.getKey(params['keyId']!);
        if (!key) return { denial: { code: 'NOT_FOUND', message: `No key ${params['keyId']}.` } };
        return { status: 200, body: await svc.policyFor(key.tenantId, key.id) };
      },
    },
    {
      method: 'GET',
      path: '/safety/counts/:keyId',
      async handle({ params }) {
        return { status: 200, body: await svc.counters.read(params['keyId']!) };
      },
    },
  ];
}
