// Minimal HTTP client for the simulator: exact header order (fingerprints depend on it), keep-alive.
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function send(url: string, method: string, headers: [string, string][], body?: string): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // setHeader keeps insertion order on the wire, which is what the fingerprint sees.
    for (const [k, v] of headers) req.setHeader(k, v);
    if (body !== undefined) req.setHeader('content-length', Buffer.byteLength(body));
    req.on('error', reject);
    req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

export function closeAgent(): void {
  agent.destroy();
}
