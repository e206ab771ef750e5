// Stage: every request becomes an audit event, written off the request path.
import { HmacSha256 } from '../../crypto/hmac-sha256.js';
import type { AuditEvent } from '../../audit/event.js';
import type { Deps } from '../../deps.js';
import type { RequestContext } from '../context.js';
import type { Stage } from '../stage.js';

/** Pure: the event for a finished request, from what the stages recorded. */
export function requestEvent(ctx: RequestContext, now: number, hashKey: string): AuditEvent {
  const key = ctx.key;
  const prompt = ctx.body ? JSON.stringify(ctx.body['messages'] ?? ctx.body['prompt'] ?? ctx.body['input'] ?? '') : undefined;
  return {
    time: new Date(ctx.time).toISOString(),
    kind: 'request',
    requestId: ctx.id,
    keyId: key?.id ?? null,
    tenantId: key?.tenantId ?? null,
    clientIp: ctx.clientIp,
    endpoint: ctx.route.endpoint,
    model: ctx.model ?? null,
    // Keyed, so a short prompt cannot be guessed back from its hash; equal prompts still correlate.
    promptHash: prompt === undefined ? null : promptMac(hashKey).hex([prompt]),
    // Handed to the audit sink, which keeps it (encrypted) only if retention policy says so.
    ...(prompt === undefined ? {} : { text: { prompt, ...(ctx.vars.outputText ? { output: ctx.vars.outputText } : {}) } }),
    status: ctx.status,
    errorCode: ctx.errorCode ?? null,
    usage: ctx.usage ?? null,
    latencyMs: Math.round((now - ctx.startedAt) * 100) / 100,
    ...ctx.audit,
    detail: { route: ctx.route.style, deniedBy: ctx.deniedBy ?? null, ...(ctx.audit.detail as object | undefined) },
  };
}

/** The pepper is fixed for a process: prepare its HMAC once (createHmac per request costs more). */
let mac: { key: string; h: HmacSha256 } | undefined;
function promptMac(key: string): HmacSha256 {
  if (mac?.key !== key) mac = { key, h: new HmacSha256(key) };
  return mac.h;
}

export function record(deps: Pick<Deps, 'audit' | 'pepper'>): Stage {
  return {
    name: 'record',
    after(ctx) {
      deps.audit.append(requestEvent(ctx, performance.now(), deps.pepper));
    },
  };
}
