// Pure: which data-plane route a method + URL is (OpenAI and Azure path styles).
import type { Endpoint, RouteMatch } from '../api.js';

export type RouteLookup = { ok: true; route: RouteMatch } | { ok: false; code: 'NOT_FOUND' | 'METHOD_NOT_ALLOWED' };

const OPENAI: Record<string, { endpoint: Endpoint; method: string }> = {
  '/v1/chat/completions': { endpoint: 'chat', method: 'POST' },
  '/v1/images/generations': { endpoint: 'images', method: 'POST' },
  '/v1/embeddings': { endpoint: 'embeddings', method: 'POST' },
  '/v1/models': { endpoint: 'models', method: 'GET' },
};
/** The usual URL is exactly one of these paths: answered from a table of shared, frozen results, with no slicing or pattern. */
const EXACT = new Map(
  Object.entries(OPENAI).map(([path, o]) => [path, { method: o.method, hit: Object.freeze({ ok: true, route: Object.freeze({ endpoint: o.endpoint, style: 'openai' }) } as const) }]),
);
const WRONG_METHOD: RouteLookup = Object.freeze({ ok: false, code: 'METHOD_NOT_ALLOWED' } as const);
const AZURE_OPS: Record<string, Endpoint> = { 'chat/completions': 'chat', 'images/generations': 'images', embeddings: 'embeddings' };
const AZURE_RE = /^\/openai\/deployments\/([^/]{1,256})\/(chat\/completions|images\/generations|embeddings)$/;

export function matchRoute(method: string, url: string): RouteLookup {
  const e = EXACT.get(url);
  if (e) return method === e.method ? e.hit : WRONG_METHOD;
  const q = url.indexOf('?');
  const path = (q === -1 ? url : url.slice(0, q)).replace(/\/+$/, '');
  const o = OPENAI[path];
  if (o) return method === o.method ? { ok: true, route: { endpoint: o.endpoint, style: 'openai' } } : { ok: false, code: 'METHOD_NOT_ALLOWED' };
  const m = AZURE_RE.exec(path);
  if (m) {
    if (method !== 'POST') return { ok: false, code: 'METHOD_NOT_ALLOWED' };
    let deployment: string;
    try {
      deployment = decodeURIComponent(m[1]!);
    } catch {
      return { ok: false, code: 'NOT_FOUND' };
    }
    const apiVersion = q === -1 ? null : new URLSearchParams(url.slice(q + 1)).get('api-version');
    return { ok: true, route: { endpoint: AZURE_OPS[m[2]!]!, style: 'azure', deployment, ...(apiVersion ? { apiVersion } : {}) } };
  }
  return { ok: false, code: 'NOT_FOUND' };
}
