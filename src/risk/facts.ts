// Adapter: the plain facts the signals judge, read from the request context (bounded work per request).
import type { KeyRecord } from '../keys/types.js';
import type { RequestContext } from '../proxy/context.js';
import type { SafetyCounts } from '../safety/counters.js';
import { fingerprintOf } from './fingerprint.js';
import type { IpIntel } from './ip/intel.js';
import { shapeOf } from './shape.js';
import type { RequestFacts } from './types.js';

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/** Rough cost: prompt bytes/4 + requested output tokens (× n) + 1000 per image. */
export function costOf(ctx: Pick<RequestContext, 'route' | 'body' | 'headers'>): number {
  const bytes = Number(ctx.headers['content-length'] ?? 0) || 0;
  const b = ctx.body ?? {};
  const n = Math.min(num(b['n']) || 1, 128);
  if (ctx.route.endpoint === 'images') return bytes / 4 + 1000 * n;
  return bytes / 4 + Math.min(num(b['max_tokens']) || num(b['max_completion_tokens']), 1_000_000) * n;
}

/** Model listing or a request asking for one or two tokens: how key checkers test a key. */
export function isProbe(ctx: Pick<RequestContext, 'route' | 'body'>): boolean {
  if (ctx.route.endpoint === 'models') return true;
  const b = ctx.body ?? {};
  const max = num(b['max_tokens']) || num(b['max_completion_tokens']);
  return max > 0 && max <= 2;
}

/** A key with proof-of-possession keys bound can be asked for proof (step-up, engine.ts stepUp). */
export function hasProofKeys(key: KeyRecord): boolean {
  return (key.proofKeys?.length ?? 0) > 0;
}

export function factsOf(ctx: RequestContext, key: KeyRecord, intel: IpIntel, safety: SafetyCounts | undefined): RequestFacts {
  // clientIp is already the socket address unless a trusted proxy vouched for X-Forwarded-For.
  const place = intel.place(ctx.clientIp);
  const f: RequestFacts = {
    time: ctx.time,
    requestId: ctx.id,
    keyId: key.id,
    tenantId: key.tenantId,
    canary: key.canary,
    leaked: key.leaked,
    allowedCidrs: key.allowedCidrs,
    allowedAsns: key.allowedAsns,
    sourceId: place.sourceId,
    block: place.block,
    net: place.net,
    endpoint: ctx.route.endpoint,
    model: ctx.model?.slice(0, 64),
    fingerprint: fingerprintOf(ctx.headers, ctx.headerOrder),
    cost: costOf(ctx),
    probe: isProbe(ctx),
    shape: shapeOf(ctx.route.endpoint, ctx.body, ctx.model),
    safety,
    proofCapable: hasProofKeys(key),
  };
  const refused = ctx.vars.proofRefused;
  return refused === undefined ? f : { ...f, proofRefused: refused };
}
