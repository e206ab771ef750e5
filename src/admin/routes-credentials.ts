// Admin routes: named admin credentials (create: token shown once; list; revoke).
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { formatKey, newKid, newSecret } from '../keys/format.js';
import { hashSecret } from '../keys/hash.js';
import { adminEvent } from '../keys/service.js';
import type { AdminCredential } from '../store/port.js';
import type { AdminRoute } from './route.js';
import { parseInput } from './validate.js';

const createCredential = z.object({ name: z.string().trim().min(1).max(200), role: z.enum(['admin', 'viewer']) }).strict();

/** What an admin may see of a credential: never its hash. */
export function publicCredential(c: AdminCredential) {
  const { secretHash: _h, ...rest } = c;
  return { ...rest, status: c.revokedAt === null ? 'active' : 'revoked' };
}

export function credentialRoutes(deps: Deps): AdminRoute[] {
  return [
    {
      method: 'POST',
      path: '/credentials',
      async handle({ body, actor }) {
        const p = parseInput(createCredential, body);
        if (!p.ok) return p;
        const id = newKid();
        const secret = newSecret();
        const token = formatKey('a', id, secret);
        const c: AdminCredential = {
          id,
          name: p.value.name,
          role: p.value.role,
          secretHash: hashSecret(deps.pepper, secret),
          last4: token.slice(-4),
          createdAt: new Date().toISOString(),
          createdBy: actor.actor,
          revokedAt: null,
        };
        await deps.store.createCredential(c, adminEvent(actor, 'credential.create', {}, { credentialId: id, name: c.name, role: c.role }));
        return { status: 201, body: { ...publicCredential(c), token } };
      },
    },
    {
      method: 'GET',
      path: '/credentials',
      async handle() {
        return { status: 200, body: (await deps.store.listCredentials()).map(publicCredential) };
      },
    },
    {
      method: 'DELETE',
      path: '/credentials/:id',
      async handle({ params, actor }) {
        const id = params['id']!;
        const before = await deps.store.getCredential(id);
        if (!before) return { denial: { code: 'NOT_FOUND', message: `No admin credential ${id}.` } };
        if (before.revokedAt !== null) return { status: 200, body: publicCredential(before) };
        const at = new Date().toISOString();
        const after = await deps.store.revokeCredential(
          id,
          at,
          adminEvent(actor, 'credential.revoke', {}, { credentialId: id, name: before.name, before: { revokedAt: null }, after: { revokedAt: at } }),
        );
        // Lost a race with another revoke: it is revoked either way.
        return { status: 200, body: publicCredential(after ?? (await deps.store.getCredential(id))!) };
      },
    },
  ];
}
