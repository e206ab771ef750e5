// The HTTP app: data-plane routes, admin API, health; one fallback error path.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Config } from './config/schema.js';
import type { Deps } from './deps.js';
import { renderDenial } from './errors/render.js';
import { adminRoutes, createAdminHandler } from './admin/router.js';
import { createConsole } from './console/routes.js';
import { healthRoutes } from './health/routes.js';
import { leakRoutes } from './leaks/routes.js';
import { authenticateAdmin } from './admin/auth.js';
import { sendMetrics } from './metrics/listener.js';
import { createHandler } from './proxy/handler.js';
import { buildStages } from './proxy/pipeline.js';
import { matchRoute } from './proxy/routes.js';

/**
 * Node's own connection deadlines from the config. Node checks headers and request deadlines on a timer
 * (connectionsCheckingInterval, 30 s by default): it runs at a quarter of the shorter deadline so a short
 * configured one is kept to within a quarter. headersTimeout may not exceed requestTimeout.
 */
export function serverTimeouts(s: Config['server']): { keepAliveTimeout: number; requestTimeout: number; headersTimeout: number; connectionsCheckingInterval: number } {
  const requestTimeout = s.requestTimeoutMs;
  const headersTimeout = requestTimeout > 0 ? Math.min(s.headersTimeoutMs, requestTimeout) : s.headersTimeoutMs;
  const shortest = requestTimeout > 0 ? Math.min(requestTimeout, headersTimeout) : headersTimeout;
  return { keepAliveTimeout: s.keepAliveTimeoutMs, requestTimeout, headersTimeout, connectionsCheckingInterval: Math.max(100, Math.min(30_000, Math.floor(shortest / 4))) };
}

export function createApp(deps: Deps): Server {
  const handle = createHandler(deps, buildStages(deps));
  const routes = adminRoutes(deps);
  const admin = createAdminHandler(deps, routes);
  const consoleApp = createConsole(deps, (authorize) => createAdminHandler(deps, routes, authorize));
  const health = healthRoutes(deps.readiness);
  const leaks = leakRoutes(deps);
  const metrics = deps.metrics;
  const metricsRoute = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    req.resume();
    if (!metrics) return;
    if (req.method !== 'GET') return void renderDenial(res, `req_${randomUUID().replace(/-/g, '')}`, { code: 'METHOD_NOT_ALLOWED', message: `${req.method} is not allowed on /metrics.` });
    // Any admin credential, a viewer included: metrics are read-only.
    if (!(await authenticateAdmin(deps, req.headers.authorization).catch(() => undefined))) {
      return void renderDenial(res, `req_${randomUUID().replace(/-/g, '')}`, {
        code: 'ADMIN_UNAUTHORIZED',
        message: 'GET /metrics needs an admin token or credential (Authorization: Bearer <token>), or set metrics.listen for a scraper on a private address.',
      });
    }
    await sendMetrics(metrics, res);
  };
  const server = createServer({ ...serverTimeouts(deps.config.server), maxHeaderSize: 32 * 1024 }, (req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/admin/')) return void admin(req, res);
    if (health(req, res)) return;
    if (leaks(req, res)) return;
    if (consoleApp.handle(req, res)) return;
    if (url === '/metrics' && deps.metrics) return void metricsRoute(req, res);
    const m = matchRoute(req.method ?? 'GET', url);
    if (!m.ok) {
      req.resume();
      const path = url.split('?')[0]!.slice(0, 200);
      return void renderDenial(res, `req_${randomUUID().replace(/-/g, '')}`, {
        code: m.code,
        message: m.code === 'NOT_FOUND' ? `Unknown route ${req.method} ${path}.` : `${req.method} is not allowed on ${path}.`,
      });
    }
    void handle(req, res, m.route);
  });
  // `Expect: 100-continue` (curl sends it for large bodies): Node would say "continue" before any stage ran; the
  // handler says it only once the header-phase stages have let the request through, so a refused client never uploads.
  server.on('checkContinue', (req, res) => server.emit('request', req, res));
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // headersTimeout / requestTimeout expired: Node hands the socket here to answer.
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    else socket.destroy();
  });
  return server;
}
