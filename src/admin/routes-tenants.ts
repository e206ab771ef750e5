// Admin routes: tenants.
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { randomBase62 } from '../keys/format.js';
import { adminEvent } from '../keys/service.js';
import type { AdminRoute } from './router.js';
import { parseInput } from './validate.js';

const createTenant = z.object({ name: z.string().trim().min(1).max(200) }).strict();

export function tenantRoutes(deps: Deps): AdminRoute[] {
  return [
    {
      method: 'POST',
      path: '/tenants',
      async handle({ body, actor }) {
        const p = parseInput(createTenant, body);
        if (!p.ok) return p;
        const t = { id: `ten_${randomBase62(12)}`, name: p.value.name, createdAt: new Date().toISOString() };
        await deps.store.createTenant(t, adminEvent(actor, 'tenant.create', { tenantId: t.id }, { name: t.name }));
        return { status: 201, body: t };
      },
    },
    {
      method: 'GET',
      path: '/tenants',
      async handle() {
        return { status: 200, body: await deps.store.listTenants() };
      },
    },
    {
      method: 'GET',
      path: '/tenants/:id',
      async handle({ params }) {
        const t = await deps.store.getTenant(params['id']!);
        return t ? { status: 200, body: t } : { denial: { code: 'NOT_FOUND', message: `No tenant ${params['id']}.` } };
      },
    },
  ];
}
