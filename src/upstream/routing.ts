// Pure decision: which upstream serves a model, and how the request is addressed there.
import type { Endpoint } from '../api.js';
import type { UpstreamConfig } from './config.js';

export function modelMatches(pattern: string, model: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return model.startsWith(pattern.slice(0, -1));
  return pattern === model;
}

export function pickUpstream<U extends Pick<UpstreamConfig, 'models'>>(upstreams: readonly U[], model: string | undefined): U | undefined {
  if (model === undefined) return upstreams[0];
  return upstreams.find((u) => u.models.some((p) => modelMatches(p, model)));
}

const OP: Record<Exclude<Endpoint, 'models'>, string> = {
  chat: 'chat/completions',
  images: 'images/generations',
  embeddings: 'embeddings',
};

export interface Target {
  /** Origin, e.g. http://127.0.0.1:9000 */
  readonly origin: string;
  /** Path and query. */
  readonly path: string;
  readonly authHeader: readonly [string, string] | undefined;
  /** Azure addresses the model by deployment in the path; OpenAI by `model` in the body. */
  readonly bodyModel: string | undefined;
}

interface Base {
  readonly origin: string;
  readonly prefix: string;
}
/** Parsed upstream base URLs: they come from the config (a handful), so each is parsed once, not per request. */
const bases = new Map<string, Base>();
const MAX_BASES = 256;

export function splitBase(base: string): Base {
  let b = bases.get(base);
  if (!b) {
    const u = new URL(base);
    b = Object.freeze({ origin: u.origin, prefix: u.pathname.replace(/\/+$/, '') });
    if (bases.size >= MAX_BASES) bases.clear();
    bases.set(base, b);
  }
  return b;
}

/**
 * The simulator's API base, built once per simulator URL: a string concatenated per request would be
 * flattened and hashed again by the bases memo on every request (the configured bases are hashed once).
 */
let sim: { readonly url: string | undefined; readonly base: string } | undefined;
function simulatorV1(url: string | undefined): string {
  if (sim === undefined || sim.url !== url) sim = { url, base: `${url ?? 'http://127.0.0.1:0'}/v1` };
  return sim.base;
}

export function targetFor(u: UpstreamConfig, endpoint: Endpoint, model: string | undefined, simulatorBase?: string): Target {
  if (u.kind === 'azure') {
    const { origin, prefix } = splitBase(u.endpoint);
    const q = `api-version=${encodeURIComponent(u.apiVersion)}`;
    if (endpoint === 'models') return { origin, path: `${prefix}/openai/models?${q}`, authHeader: ['api-key', u.apiKey], bodyModel: undefined };
    const deployment = encodeURIComponent(u.deployments[model ?? ''] ?? model ?? '');
    return { origin, path: `${prefix}/openai/deployments/${deployment}/${OP[endpoint]}?${q}`, authHeader: ['api-key', u.apiKey], bodyModel: undefined };
  }
  const base = u.kind === 'simulator' ? simulatorV1(simulatorBase) : u.baseUrl;
  const { origin, prefix } = splitBase(base);
  const apiKey = u.kind === 'simulator' ? 'simulator' : u.apiKey;
  const path = `${prefix}/${endpoint === 'models' ? 'models' : OP[endpoint]}`;
  return { origin, path, authHeader: apiKey ? ['authorization', `Bearer ${apiKey}`] : undefined, bodyModel: model };
}
