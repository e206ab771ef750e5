// Admin API router: bearer-token auth, JSON in/out, routes registered by each domain.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { Denial } from '../errors/denial.js';
import { renderDenial } from '../errors/render.js';
import { readAdminBody } from '../net/body.js';
import { clientIp } from '../net/client-ip.js';
import { StoreUnavailableError } from '../store/unavailable.js';
import type { AdminActor } from '../keys/service.js';
import { authenticateAdmin, mayCall, type AdminPrincipal } from './auth.js';
import type { AdminRoute } from './route.js';
import { credentialRoutes } from './routes-credentials.js';
import { keyRoutes } from './routes-keys.js';
import { tenantRoutes } from './routes-tenants.js';
import { riskRoutes } from '../risk/routes.js';
import { webhookRoutes } from '../risk/webhook-routes.js';
import { WebhookSecretBox } from '../risk/webhook-secret.js';
import { usageRoutes } from '../limits/routes-usage.js';
import { auditRoutes } from './routes-audit.js';
import { statsRoutes } from './routes-stats.js';
import { safetyRoutes } from '../safety/routes.js';
import { proofRoutes } from '../proof/routes.js';

/** Each domain contributes its routes here (one line each). */
export function adminRoutes(deps: Deps): AdminRoute[] {
  return [
    ...credentialRoutes(deps),
    ...tenantRoutes(deps),
    ...keyRoutes(deps),
    ...usageRoutes(deps),
    ...auditRoutes(deps),
    ...statsRoutes(deps),
    ...riskRoutes({ risk: deps.risk, store: deps.store }),
    ...webhookRoutes({ store: deps.store, configured: deps.config.risk.webhooks, box: new WebhookSecretBox(deps.pepper) }),
    ...safetyRoutes(deps),
    ...proofRoutes(deps),
  ];
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

/** The request target as a URL, or undefined when it does not parse (bad input, not an internal error). */
function parseUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://admin');
  } catch {
    return undefined;
  }
}

/**
 * Path parameters, percent-decoded; undefined when an escape is malformed (the data plane answers 404 for it
 * too) or decodes to a control character, which no id holds (and NUL, which PostgreSQL refuses in text).
 */
function decodeParams(names: readonly string[], m: RegExpExecArray): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  try {
    names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1]!)));
  } catch {
    return undefined;
  }
  return Object.values(params).some(hasControl) ? undefined : params;
}

function hasControl(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A \u0000 escape in JSON text (not an escaped backslash followed by "u0000"): PostgreSQL text cannot hold NUL. */
const NUL_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u0000/i;

/**
 * A second credential besides the bearer token (the console session: cookie + CSRF header + same origin).
 * Returns the acting principal, or undefined. Consulted only when no Authorization header was sent.
 */
export type AltAdminAuth = (req: IncomingMessage) => AdminPrincipal | undefined | Promise<AdminPrincipal | undefined>;

export function createAdminHandler(deps: Deps, routes = adminRoutes(deps), altAuth?: AltAdminAuth) {
  const compiled = compile(routes);
  return async function handleAdmin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = `adm_${randomUUID().replace(/-/g, '')}`;
    const fail = (d: Denial): void => void renderDenial(res, requestId, d);
    try {
      const url = parseUrl(req.url);
      if (!url) return fail({ code: 'NOT_FOUND', message: 'Unknown admin route (the request target is not a valid path).' });
      const path = url.pathname.replace(/^\/admin\/v1/, '').replace(/\/+$/, '') || '/';
      const auth = req.headers['authorization'];
      const principal = auth !== undefined ? await authenticateAdmin(deps, auth) : await altAuth?.(req);
      if (!principal) {
        return fail({ code: 'ADMIN_UNAUTHORIZED', message: 'A valid admin token or credential is required (Authorization: Bearer <token>).' });
      }
      let pathMatched = false;
      for (const c of compiled) {
        const m = c.re.exec(path);
        if (!m) continue;
        pathMatched = true;
        if (c.route.method !== req.method) continue;
        if (!mayCall(principal.role, req.method)) {
          return fail({ code: 'ADMIN_FORBIDDEN', message: `This credential (${principal.actor}) has the viewer role: it may read (GET) but not ${req.method} ${path}.` });
        }
        let body: unknown;
        if (req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH') {
          const raw = await readAdminBody(req, 1024 * 1024);
          if (raw === 'too_large') return fail({ code: 'BODY_TOO_LARGE', message: 'Admin request body too large.' });
          if (raw.length > 0) {
            const text = raw.toString('utf8');
            try {
              body = JSON.parse(text);
            } catch {
              return fail({ code: 'INVALID_JSON', message: 'The request body is not valid JSON.' });
            }
            if (NUL_ESCAPE.test(text)) return fail({ code: 'INVALID_REQUEST', message: 'The request body contains a NUL character (\\u0000), which no admin field accepts.' });
          }
        }
        const params = decodeParams(c.names, m);
        if (!params) return fail({ code: 'NOT_FOUND', message: `Unknown admin route ${path} (malformed percent-escape or a control character).` });
        for (const [name, value] of url.searchParams) {
          if (value.includes('\u0000')) return fail({ code: 'INVALID_REQUEST', message: `Query parameter ${name} contains a NUL character.`, param: name });
        }
        const actor: AdminActor = { actor: principal.actor, requestId, clientIp: clientIp(req.socket.remoteAddress ?? '', req.headers['x-forwarded-for'], deps.trustedProxies) };
        const r = await c.route.handle({ params, query: url.searchParams, body, actor, role: principal.role });
        if ('denial' in r) return fail(r.denial);
        const out = JSON.stringify(r.body);
        res.writeHead(r.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out), 'x-request-id': requestId, 'cache-control': 'no-store', ...r.headers });
        return void res.end(out);
      }
      fail(pathMatched ? { code: 'METHOD_NOT_ALLOWED', message: `${req.method} is not allowed on ${path}.` } : { code: 'NOT_FOUND', message: `Unknown admin route ${path}.` });
    } catch (err) {
      // The store unreachable past its retry deadline is a 503 with retry-after, not an internal error.
      const known = err instanceof StoreUnavailableError ? err.denial : undefined;
      deps.log[known ? 'warn' : 'error']('admin request failed', { requestId, error: (err as Error).message });
      if (!res.headersSent) fail(known ?? { code: 'INTERNAL', message: 'The admin API hit an internal error.' });
    }
  };
}
