// Stage: every request becomes an audit event, written off the request path.
import { HmacSha256 } from '../../crypto/hmac-sha256.js';
import { boundedId } from '../../audit/bounded.js';
import type { AuditEvent } from '../../audit/event.js';
import type { Deps } from '../../deps.js';
import type { RequestContext } from '../context.js';
import type { Stage } from '../stage.js';

/**
 * Pure: the event for a finished request, from what the stages recorded. Members are written in
 * canonical (sorted) order and the stages' facts are assigned onto them, which keeps that order:
 * the audit writer can then serialise the event as it is instead of re-ordering a copy. Any
 * other order gives the same stored bytes, only slower (audit/canonical.ts sorts).
 */
export function requestEvent(ctx: RequestContext, now: number, hashKey: string): AuditEvent {
  const key = ctx.key;
  const prompt = ctx.body ? JSON.stringify(ctx.body['messages'] ?? ctx.body['prompt'] ?? ctx.body['input'] ?? '') : undefined;
  const e: Draft = {
    asn: undefined,
    clientIp: ctx.clientIp,
    country: undefined,
    decision: undefined,
    detail: undefined,
    endpoint: ctx.route.endpoint,
    errorCode: ctx.errorCode ?? null,
    fingerprint: undefined,
    incidentId: undefined,
    keyId: key?.id ?? null,
    kind: 'request',
    latencyMs: Math.round((now - ctx.startedAt) * 100) / 100,
    model: ctx.model ?? null,
    // Keyed, so a short prompt cannot be guessed back from its hash; equal prompts still correlate.
    promptHash: prompt === undefined ? null : promptMac(hashKey).hex([prompt]),
    requestId: ctx.id,
    riskScore: undefined,
    signals: undefined,
    status: ctx.status,
    tenantId: key?.tenantId ?? null,
    time: isoTime(ctx.time),
    usage: ctx.usage ?? null,
    verdicts: undefined,
  };
  // What the stages recorded wins over the defaults above (as a spread would), keeping their places.
  Object.assign(e, ctx.audit);
  // Client-named values are bounded whichever stage recorded them (a refused request's too).
  if (typeof e.model === 'string') e.model = boundedId(e.model);
  if (e.clientIp !== undefined) e.clientIp = boundedId(e.clientIp, 64);
  e.detail = { deniedBy: ctx.deniedBy ?? null, route: ctx.route.style, ...(ctx.audit.detail as object | undefined) };
  // Handed to the audit sink, which keeps it (encrypted) only if retention policy says so, and
  // never stores it in the event.
  if (prompt !== undefined) e.text = { prompt, ...(ctx.vars.outputText ? { output: ctx.vars.outputText } : {}) };
  return e as AuditEvent;
}

/** An event whose members may still be placeholders (undefined members are not stored). */
type Draft = { [K in keyof AuditEvent]?: AuditEvent[K] | undefined };

/** The pepper is fixed for a process: prepare its HMAC once (createHmac per request costs more). */
let mac: { key: string; h: HmacSha256 } | undefined;
function promptMac(key: string): HmacSha256 {
  if (mac?.key !== key) mac = { key, h: new HmacSha256(key) };
  return mac.h;
}

/** The ISO form of `ms` since the epoch; Date#toISOString costs ~1 µs, so each second's prefix is kept. */
let isoSecond = NaN;
let isoPrefix = '';
function isoTime(ms: number): string {
  const t = Math.trunc(ms);
  const sec = Math.floor(t / 1000);
  // Dates end at 8.64e15 ms, a second's first millisecond: past it (or NaN) this throws as before.
  if (sec !== isoSecond || t > 8.64e15) {
    const iso = new Date(t).toISOString();
    isoPrefix = iso.slice(0, -4);
    isoSecond = sec;
    return iso;
  }
  const milli = t - sec * 1000;
  return isoPrefix + (milli < 10 ? '00' : milli < 100 ? '0' : '') + milli + 'Z';
}

export function record(deps: Pick<Deps, 'audit' | 'pepper'>): Stage {
  return {
    name: 'record',
    after(ctx) {
      deps.audit.append(requestEvent(ctx, performance.now(), deps.pepper));
    },
  };
}
