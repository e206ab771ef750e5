// The stage order: the one cross-cutting fact of the data plane lives here and only here.
import type { Deps } from '../deps.js';
import { READ_BODY, type Stage } from './stage.js';
import { ExhaustedKeys } from '../limits/exhausted.js';
import { concurrency } from '../limits/stage-concurrency.js';
import { limit } from '../limits/stage-limit.js';
import { assessRisk } from '../risk/stage-assess-risk.js';
import { sourceGuard } from '../risk/stage-source-guard.js';
import { authenticate } from './stages/authenticate.js';
import { bind } from './stages/bind.js';
import { record } from './stages/record.js';
import { observe } from '../metrics/stage-observe.js';
import { validate } from './stages/validate.js';
import { proof } from '../proof/stage-proof.js';
import { promptPolicy } from '../safety/stage-prompt-policy.js';
import { outputPolicy } from '../safety/stage-output-policy.js';
import { storeGate } from '../health/stage-store-gate.js';

/**
 * Header phase (decided from the URL and headers; a refused request's body is never buffered):
 *   requestId (handler) → observe (metrics, access log) → record (audit, its `after` sees everything) → storeGate (PostgreSQL only)
 *   → sourceGuard → authenticate → proof (DPoP proof of possession)
 *   → validate (route, api-version, content type) → bind (network, endpoint) → limit (gate: a key just refused)
 * READ_BODY (the handler reads the body here, bounding its size, JSON nesting depth, deadline and the shared
 * budget as it arrives), then body phase: validate (parse, shape, identifiers) → bind (model) → concurrency → limit (reserve) → assessRisk
 *   → promptPolicy → [forward] → outputPolicy.
 * `before` hooks run in this order until one denies; `onResponse`/`streamFilter` run in this order
 * on the upstream's answer; `after` hooks run in reverse order once the response is sent.
 * `risk.enabled: false` leaves out sourceGuard and assessRisk, `safety.enabled: false` the two
 * policy stages (both only for measuring the rest of the pipeline; main.ts warns loudly).
 */
export function buildStages(deps: Deps): Stage[] {
  const risk = deps.config.risk.enabled;
  const safety = deps.config.safety.enabled;
  // One list of keys just refused, shared by the limit stage's two parts.
  const limits = { limiter: deps.limiter, config: deps.config.limits, log: deps.log, exhausted: new ExhaustedKeys() };
  const stages: (Stage | false)[] = [
    // First, so its after-hook runs last and sees the finished request.
    observe(deps.metrics, deps.log, deps.config.log.access),
    record(deps),
    deps.storeHealth !== undefined && storeGate(deps.storeHealth),
    risk && sourceGuard(deps.risk),
    authenticate(deps),
    proof(deps),
    validate('target'),
    bind('source'),
    limit('gate', limits),
    READ_BODY,
    validate('request'),
    bind('model'),
    // Before the rate limits: a request refused for holding too many slots reserves nothing.
    concurrency(deps.config.limits),
    limit('reserve', limits),
    risk && assessRisk(deps.risk, deps.risk.opts.safetyCounts),
    safety && promptPolicy(deps.safety),
    safety && outputPolicy(deps.safety),
  ];
  return stages.filter((s): s is Stage => s !== false);
}
