// GET /v1/models: the models this key may use, from what the upstreams serve (cached briefly).
import type { ServerResponse } from 'node:http';
import type { Deps } from '../deps.js';
import type { Endpoint } from './context.js';
import type { UpstreamConfig } from '../upstream/config.js';
import { gateOf } from '../upstream/gate.js';
import { modelMatches, targetFor } from '../upstream/routing.js';
import type { RequestContext } from './context.js';
import { commonHeaders } from './headers.js';

const TTL_MS = 60_000;
const cache = new WeakMap<UpstreamConfig, { until: number; ids: string[] }>();

async function upstreamModels(u: UpstreamConfig, deps: Deps): Promise<string[]> {
  const hit = cache.get(u);
  if (hit && hit.until > Date.now()) return hit.ids;
  let ids: string[] = u.models.filter((p) => !p.includes('*'));
  if (u.kind === 'azure') ids = [...new Set([...ids, ...Object.keys(u.deployments)])];
  else {
    try {
      const t = targetFor(u, 'models', undefined, deps.simulatorUrl);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (t.authHeader) headers[t.authHeader[0]] = t.authHeader[1];
      const pool = deps.pools.get(t.origin, u);
      // Through the pool's gate as every upstream request: with all connections busy it would wait without end.
      const gate = gateOf(pool, u.connections ?? 128);
      if (!gate.tryTake() && !(await gate.wait(u.queueTimeoutMs ?? 10_000).slot)) throw Object.assign(new Error('all connections busy'), { code: 'QUEUE_TIMEOUT' });
      try {
        const r = await pool.request({ path: t.path, method: 'GET', headers, headersTimeout: u.connectTimeoutMs, bodyTimeout: u.connectTimeoutMs });
        const body = (await r.body.json()) as { data?: { id?: unknown }[] };
        if (r.statusCode === 200 && Array.isArray(body.data)) {
          ids = [...new Set([...ids, ...body.data.map((m) => m.id).filter((x): x is string => typeof x === 'string')])];
        }
      } finally {
        gate.release();
      }
    } catch (err) {
      deps.log.warn('could not list upstream models', { upstream: u.name, code: (err as { code?: string }).code ?? 'error' });
    }
  }
  ids = ids.filter((id) => u.models.some((p) => modelMatches(p, id)));
  cache.set(u, { until: Date.now() + TTL_MS, ids });
  return ids;
}

/** Pure: which endpoint a model id serves, by the naming OpenAI and Azure deployments follow. */
export function endpointOfModel(id: string): Endpoint {
  if (/^(dall-e|gpt-image)/i.test(id) || /(^|[-_])(image|dalle)([-_]|$)/i.test(id)) return 'images';
  if (/embedding/i.test(id)) return 'embeddings';
  return 'chat';
}

/** Pure: what a key sees: models it may use, on endpoints it may call (an image model is no use to a chat-only key). */
export function visibleModels(served: readonly string[], allowed: readonly string[] | null, endpoints: readonly Endpoint[] | null = null): string[] {
  return [...new Set(served)]
    .filter((m) => allowed === null || allowed.includes(m))
    .filter((m) => endpoints === null || endpoints.includes(endpointOfModel(m)))
    .sort();
}

export async function listModels(ctx: RequestContext, res: ServerResponse, deps: Deps): Promise<void> {
  const served = (await Promise.all(deps.config.upstreams.map((u) => upstreamModels(u, deps)))).flat();
  const ids = visibleModels(served, ctx.key?.models ?? null, ctx.key?.endpoints ?? null);
  const out = JSON.stringify({ object: 'list', data: ids.map((id) => ({ id, object: 'model', created: 0, owned_by: 'warden' })) });
  ctx.status = 200;
  res.writeHead(200, { ...commonHeaders(ctx.id, deps), 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
  res.end(out);
}
