// The baseline: a bare node:http + undici keep-alive passthrough of /v1/* (no auth, no audit, no parsing).
import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { Pool } from 'undici';

/** RFC 9110 §7.6.1 connection-specific headers, plus host (undici sets its own). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-authorization', 'proxy-authenticate', 'host']);

export function endToEnd(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  return out;
}

export interface PassthroughOptions {
  /** Upstream origin, e.g. the simulator's url (paths are forwarded unchanged). */
  upstream: string;
  /** When set, replaces the client's credential the way a gateway injects its upstream key. */
  apiKey?: string;
  port?: number;
  host?: string;
  connections?: number;
}

export interface Passthrough {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startPassthrough(o: PassthroughOptions): Promise<Passthrough> {
  const pool = new Pool(new URL(o.upstream).origin, { connections: o.connections ?? 128, keepAliveTimeout: 30_000, pipelining: 1 });
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (!path.startsWith('/v1/')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found","type":"invalid_request_error","param":null,"code":null}}');
      return;
    }
    const headers = endToEnd(req.headers);
    if (o.apiKey !== undefined) {
      delete headers['api-key'];
      headers['authorization'] = `Bearer ${o.apiKey}`;
    }
    const method = req.method === 'POST' ? 'POST' : 'GET';
    pool.request({ method, path, headers, body: method === 'POST' ? req : null }).then(
      (up) => {
        res.writeHead(up.statusCode, endToEnd(up.headers));
        // Chunk by chunk: a streamed answer is relayed as it arrives, never buffered whole.
        pipeline(up.body, res, () => undefined);
      },
      () => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":{"message":"upstream failed","type":"server_error","param":null,"code":null}}');
        else res.destroy();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.close();
    },
  };
}
