// Admin API router: bearer-token auth, JSON in/out, routes registered by each domain.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Denial } from '../errors/denial.js';
import { renderDenial } from '../errors/render.js';
import { readBody } from '../proxy/handler.js';
import { clientIp } from '../net/client-ip.js';
import type { AdminActor } from '../keys/service.js';
import { checkAdminToken } from './token.js';
import { keyRoutes } from './routes-keys.js';
import { tenantRoutes } from './routes-tenants.js';
import { riskRoutes } from '../risk/routes.js';
import { usageRoutes } from '../limits/routes-usage.js';
import { auditRoutes } from './routes-audit.js';
import { safetyRoutes } from '../safety/routes.js';
import { proofRoutes } from '../proof/routes.js';

export interface AdminRequest {
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly actor: AdminActor;
}
export type AdminResult = { status: number; body: unknown; headers?: Record<string, string> } | { denial: Denial };
export interface AdminRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** e.g. "/keys/:id/revoke" under /admin/v1 */
  readonly path: string;
  handle(r: AdminRequest): Promise<AdminResult> | AdminResult;
}

/** Each domain contributes its routes here (one line each). */
export function adminRoutes(deps: Deps): AdminRoute[] {
  return [...tenantRoutes(deps), ...keyRoutes(deps), ...usageRoutes(deps), ...auditRoutes(deps), ...riskRoutes(deps), ...safetyRoutes(deps), ...proofRoutes(deps)];
}

interface Compiled {
  route: AdminRoute;
  re: RegExp;
  names: string[];
}

function compile(routes: AdminRoute[]): Compiled[] {
  return routes.map((route) => {
    const names: string[] = [];
    const re = new RegExp('^' + route.path.replace(/:([a-zA-Z]+)/g, (_m, n: string) => (names.push(n), '([^/]+)')) + '$');
    return { route, re, names };
  });
}

export function createAdminHandler(deps: Deps, routes = adminRoutes(deps)) {
  const compiled = compile(routes);
  return async function handleAdmin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = `adm_${randomUUID().replace(/-/g, '')}`;
    const fail = (d: Denial): void => void renderDenial(res, requestId, d);
    try {
      const url = new URL(req.url ?? '/', 'http://admin');
      const path = url.pathname.replace(/^\/admin\/v1/, '').replace(/\/+$/, '') || '/';
      if (!(await checkAdminToken(deps, req.headers['authorization']))) {
        return fail({ code: 'ADMIN_UNAUTHORIZED', message: 'A valid admin token is required (Authorization: Bearer <admin token>).' });
      }
      let pathMatched = false;
      for (const c of compiled) {
        const m = c.re.exec(path);
        if (!m) continue;
        pathMatched = true;
        if (c.route.method !== req.method) continue;
        let body: unknown = undefined;
        if (req.method === 'POST' || req.method === 'PUT') {
          const raw = await readBody(req, 1024 * 1024);
          if (raw === 'too_large') return fail({ code: 'BODY_TOO_LARGE', message: 'Admin request body too large.' });
          if (raw.length > 0) {
            try {
              body = JSON.parse(raw.toString('utf8'));
            } catch {
              return fail({ code: 'INVALID_JSON', message: 'The request body is not valid JSON.' });
            }
          }
        }
        const params: Record<string, string> = {};
        c.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
        const actor: AdminActor = { actor: 'admin-token', requestId, clientIp: clientIp(req.socket.remoteAddress ?? '', req.headers['x-forwarded-for'], deps.trustedProxies) };
        const r = await c.route.handle({ params, query: url.searchParams, body, actor });
        if ('denial' in r) return fail(r.denial);
        const out = JSON.stringify(r.body);
        res.writeHead(r.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out), 'x-request-id': requestId, 'cache-control': 'no-store', ...r.headers });
        return void res.end(out);
      }
      fail(pathMatched ? { code: 'METHOD_NOT_ALLOWED', message: `${req.method} is not allowed on ${path}.` } : { code: 'NOT_FOUND', message: `Unknown admin route ${path}.` });
    } catch (err) {
      deps.log.error('admin request failed', { requestId, error: (err as Error).message });
      if (!res.headersSent) fail({ code: 'INTERNAL', message: 'The admin API hit an internal error.' });
    }
  };
}
