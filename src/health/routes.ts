// Liveness and readiness for orchestrators and load balancers: unauthenticated, cheap, no secrets, not audited.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readiness } from './readiness.js';

const LIVE = new Set(['/livez', '/healthz']);

/** Answers /livez, /healthz and /readyz (GET or HEAD); false for any other request. */
export function healthRoutes(readiness: Readiness) {
  return function handleHealth(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (path !== '/readyz' && !LIVE.has(path)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    req.resume();
    // Live: this process runs its event loop and answers; it says nothing about dependencies (restarting would not fix them).
    if (LIVE.has(path)) return (send(res, 200, { status: 'ok' }), true);
    readiness.state().then(
      (s) => send(res, s.ready ? 200 : 503, { status: s.ready ? 'ready' : s.draining ? 'draining' : 'unavailable', checks: s.checks }),
      () => send(res, 503, { status: 'unavailable', checks: {} }),
    );
    return true;
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(text)) };
  if (status === 503) headers['retry-after'] = '1';
  res.writeHead(status, headers);
  res.end(res.req?.method === 'HEAD' ? undefined : text);
}
