// What an admin route is: a method, a path under /admin/v1, and a handler from the parsed request to a result.
import type { Denial } from '../errors/denial.js';
import type { AdminActor } from '../keys/service.js';
import type { AdminRole } from '../store/port.js';

export interface AdminRequest {
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly actor: AdminActor;
  /** The caller's role (routes that release more than a viewer may read check it themselves). */
  readonly role: AdminRole;
}
export type AdminResult = { status: number; body: unknown; headers?: Record<string, string> } | { denial: Denial };
export interface AdminRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** e.g. "/keys/:id/revoke" under /admin/v1 */
  readonly path: string;
  handle(r: AdminRequest): Promise<AdminResult> | AdminResult;
}
