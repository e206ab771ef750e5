// The HTTP app: data-plane routes, admin API, health; one fallback error path.
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Deps } from './deps.js';
import { renderDenial } from './errors/render.js';
import { createAdminHandler } from './admin/router.js';
import { healthRoutes } from './health/routes.js';
import { createHandler } from './proxy/handler.js';
import { buildStages } from './proxy/pipeline.js';
import { matchRoute } from './proxy/routes.js';

export function createApp(deps: Deps): Server {
  const handle = createHandler(deps, buildStages(deps));
  const admin = createAdminHandler(deps);
  const health = healthRoutes(deps.readiness);
  const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 0, headersTimeout: 30_000, maxHeaderSize: 32 * 1024 }, (req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/admin/')) return void admin(req, res);
    if (health(req, res)) return;
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
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}
