// Admin routes: tenants (create, list, show, rename, delete while no key is live).
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { randomBase62 } from '../keys/format.js';
import { adminEvent } from '../keys/service.js';
import type { AdminResult, AdminRoute } from './route.js';
import { parseInput } from './validate.js';

const createTenant = z.object({ name: z.string().trim().min(1).max(200) }).strict();
const notFound = (id: string | undefined): AdminResult => ({ denial: { code: 'NOT_FOUND', message: `No tenant ${id}.` } });

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
        return t ? { status: 200, body: t } : notFound(params['id']);
      },
    },
    {
      method: 'PATCH',
      path: '/tenants/:id',
      async handle({ params, body, actor }) {
        const p = parseInput(createTenant, body);
        if (!p.ok) return p;
        const id = params['id']!;
        const before = await deps.store.getTenant(id);
        if (!before) return notFound(id);
        const t = await deps.store.renameTenant(id, p.value.name, adminEvent(actor, 'tenant.rename', { tenantId: id }, { before: { name: before.name }, after: { name: p.value.name } }));
        return t ? { status: 200, body: t } : notFound(id);
      },
    },
    {
      method: 'DELETE',
      path: '/tenants/:id',
      async handle({ params, actor }) {
        const id = params['id']!;
        const before = await deps.store.getTenant(id);
        if (!before) return notFound(id);
        const keys = await deps.store.listKeys(id);
        // The event names the key records that go with the tenant (all revoked or expired: the store checks again).
        const audit = adminEvent(actor, 'tenant.delete', { tenantId: id }, { before, after: null, deletedKeys: keys.map((k) => k.id).sort() });
        const r = await deps.store.deleteTenant(id, new Date().toISOString(), audit);
        if (r.ok) return { status: 200, body: { id, deleted: true, deletedKeys: r.deletedKeys } };
        if (r.reason === 'not_found') return notFound(id);
        const shown = r.keyIds.slice(0, 20).join(', ') + (r.keyIds.length > 20 ? `, … (${r.keyIds.length} in all)` : '');
        return { denial: { code: 'CONFLICT', message: `Tenant ${id} still has ${r.keyIds.length} live key(s) (active or suspended, not expired): ${shown}. Revoke them first.` } };
      },
    },
  ];
}
