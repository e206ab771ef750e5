// Stage: after every request, its metrics and (if enabled) one access-log line; never the key or the text.
import type { Logger } from '../log.js';
import type { RequestContext } from '../proxy/context.js';
import type { Stage } from '../proxy/stage.js';
import type { GatewayMetrics, RequestFacts } from './metrics.js';
import { splitTiming } from './timing.js';

interface SafetyVerdict {
  stage?: unknown;
  action?: unknown;
  findings?: { category?: unknown }[];
}

/** Pure: the facts of a finished request, from its context. */
export function factsOf(ctx: RequestContext, now: number): RequestFacts {
  const t = splitTiming(ctx.startedAt, now, ctx.vars.upstreamTiming);
  const verdicts = (ctx.audit.verdicts as { safety?: SafetyVerdict[] } | undefined)?.safety ?? [];
  return {
    endpoint: ctx.route.endpoint,
    style: ctx.route.style,
    status: ctx.status,
    deniedBy: ctx.deniedBy,
    errorCode: ctx.errorCode,
    tenantId: ctx.key?.tenantId,
    keyId: ctx.key?.id,
    seconds: t.total,
    upstreamSeconds: t.upstream,
    overheadSeconds: t.overhead,
    firstEventSeconds: t.firstEvent,
    spendUsd: ctx.vars.limits?.spentMicroUsd === undefined ? undefined : ctx.vars.limits.spentMicroUsd / 1e6,
    usage: ctx.usage,
    safety: verdicts.map((v) => ({
      stage: String(v.stage ?? 'prompt'),
      action: String(v.action ?? 'allow'),
      categories: [...new Set((v.findings ?? []).map((f) => String(f.category ?? 'other')))],
    })),
  };
}

export function observe(metrics: GatewayMetrics | undefined, log: Logger, accessLog: boolean): Stage {
  return {
    name: 'observe',
    after(ctx) {
      if (!metrics && !accessLog) return;
      const f = factsOf(ctx, performance.now());
      metrics?.record(f);
      if (accessLog) {
        log.info('access', {
          requestId: ctx.id,
          keyId: f.keyId ?? null,
          tenantId: f.tenantId ?? null,
          clientIp: ctx.clientIp,
          route: `${ctx.method} ${ctx.route.style}:${f.endpoint}`,
          status: f.status,
          deniedBy: f.deniedBy ?? null,
          latencyMs: Math.round(f.seconds * 100_000) / 100,
          promptTokens: f.usage?.promptTokens ?? null,
          completionTokens: f.usage?.completionTokens ?? null,
        });
      }
    },
  };
}
