// Who is calling the admin API: the bootstrap token (role admin) or a named credential (its role), else nobody.
import type { Deps } from '../deps.js';
import { parseKey } from '../keys/format.js';
import { hashSecret, sameHash } from '../keys/hash.js';
import type { AdminRole } from '../store/port.js';
import { checkAdminToken } from './token.js';

export interface AdminPrincipal {
  /** Audit label: `admin-token`, `cred:<id>`, or a console session's label. */
  readonly actor: string;
  readonly role: AdminRole;
  /** The named credential behind it, if any (a console session re-checks it on every call). */
  readonly credentialId?: string;
}

/** A presented token → the live named credential it is, checked against its peppered hash. */
export async function checkCredential(deps: Pick<Deps, 'store' | 'pepper'>, token: string): Promise<AdminPrincipal | undefined> {
  const p = parseKey(token);
  if (!p.ok || p.type !== 'a') return undefined;
  const c = await deps.store.getCredential(p.kid);
  if (!c || c.revokedAt !== null || !sameHash(hashSecret(deps.pepper, p.secret), c.secretHash)) return undefined;
  return { actor: `cred:${c.id}`, role: c.role, credentialId: c.id };
}

/** `Authorization: Bearer …` → the principal, or undefined (401). */
export async function authenticateAdmin(deps: Pick<Deps, 'config' | 'store' | 'pepper'>, header: string | undefined): Promise<AdminPrincipal | undefined> {
  if (await checkAdminToken(deps, header)) return { actor: 'admin-token', role: 'admin' };
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? checkCredential(deps, m[1]!) : undefined;
}

/** Whether a credential still holds (a console session signed in with one ends when it is revoked). */
export async function credentialLive(deps: Pick<Deps, 'store'>, id: string): Promise<boolean> {
  const c = await deps.store.getCredential(id);
  return c !== undefined && c.revokedAt === null;
}

/** A viewer may only read: GET (and HEAD) routes, and /metrics. */
export function mayCall(role: AdminRole, method: string | undefined): boolean {
  return role === 'admin' || method === 'GET' || method === 'HEAD';
}
