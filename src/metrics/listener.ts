// `GET /metrics` for the admin API's credential, and the optional credential-free listener (`metrics.listen`).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import type { GatewayMetrics } from './metrics.js';

export async function sendMetrics(metrics: GatewayMetrics, res: ServerResponse): Promise<void> {
  try {
    const text = await metrics.text();
    res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
    res.end(text);
  } catch {
    res.writeHead(503, { 'content-type': 'text/plain' });
    res.end('metrics unavailable\n');
  }
}

/** Serves only `GET /metrics`, without credentials: for a scraper on a private address the operator chose. */
export async function startMetricsListener(metrics: GatewayMetrics, listen: string, log: Logger): Promise<Server> {
  const at = listen.lastIndexOf(':');
  const host = listen.slice(0, at).replace(/^\[|\]$/g, '');
  const port = Number(listen.slice(at + 1));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    if (req.method === 'GET' && (req.url ?? '').split('?')[0] === '/metrics') return void sendMetrics(metrics, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(new Error(`cannot listen for metrics on ${listen}: ${e.code ?? e.message}`)));
    server.listen(port, host, () => resolve());
  });
  log.info('metrics listener without credentials', { listen });
  return server;
}
