// Keep-alive connection pools to upstream origins, and the mapping of transport faults to denials.
import { Pool } from 'undici';
import type { Denial } from '../errors/denial.js';

export interface PoolOptions {
  connectTimeoutMs: number;
  connections: number;
}

export class UpstreamPools {
  private readonly pools = new Map<string, Pool>();

  get(origin: string, opts: PoolOptions): Pool {
    let p = this.pools.get(origin);
    if (!p) {
      p = new Pool(origin, {
        connections: opts.connections,
        connect: { timeout: opts.connectTimeoutMs },
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 120_000,
        pipelining: 1,
      });
      this.pools.set(origin, p);
    }
    return p;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.pools.values()].map((p) => p.destroy()));
    this.pools.clear();
  }
}

/** Pure: a transport error from undici → the gateway's answer (never the raw message, which may carry a URL). */
export function transportDenial(err: unknown): Denial {
  const code = (err as { code?: string } | undefined)?.code ?? '';
  if (code === 'UPSTREAM_TOO_LARGE') {
    const limit = (err as { limit?: number }).limit;
    return {
      code: 'UPSTREAM_ERROR',
      message: `The upstream model service's answer exceeded the gateway's limit${limit ? ` of ${limit} bytes` : ''} for an answer read whole; ask for a smaller answer or stream it.`,
    };
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') {
    return { code: 'UPSTREAM_TIMEOUT', message: 'The upstream model service did not answer in time.' };
  }
  return { code: 'UPSTREAM_UNAVAILABLE', message: 'The upstream model service could not be reached.' };
}
