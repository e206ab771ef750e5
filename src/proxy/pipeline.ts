// The stage order: the one cross-cutting fact of the data plane lives here and only here.
import type { Deps } from '../deps.js';
import type { Stage } from './stage.js';
import { rateLimit } from '../limits/rate-limit.js';
import { assessRisk } from '../risk/stage-assess-risk.js';
import { sourceGuard } from '../risk/stage-source-guard.js';
import { authenticate } from './stages/authenticate.js';
import { bind } from './stages/bind.js';
import { record } from './stages/record.js';
import { validateRequest } from './stages/validate-request.js';
import { proof } from '../proof/stage-proof.js';
import { promptPolicy } from '../safety/stage-prompt-policy.js';
import { outputPolicy } from '../safety/stage-output-policy.js';

/**
 * requestId (handler) → record (audit, its `after` sees everything) → sourceGuard → authenticate
 * → proof (DPoP proof of possession; headers only) → validate → bind → limit → assessRisk → promptPolicy → [forward] → outputPolicy.
 * `before` hooks run in this order until one denies; `onResponse`/`streamFilter` run in this order
 * on the upstream's answer; `after` hooks run in reverse order once the response is sent.
 * `risk.enabled: false` leaves out sourceGuard and assessRisk, `safety.enabled: false` the two
 * policy stages (both only for measuring the rest of the pipeline; main.ts warns loudly).
 */
export function buildStages(deps: Deps): Stage[] {
  const risk = deps.config.risk.enabled;
  const safety = deps.config.safety.enabled;
  const stages: (Stage | false)[] = [
    record(deps),
    risk && sourceGuard(deps.risk),
    authenticate(deps),
    proof(deps),
    validateRequest(),
    bind(deps),
    rateLimit({ limiter: deps.limiter, config: deps.config.limits, log: deps.log }),
    risk && assessRisk(deps.risk, deps.risk.opts.safetyCounts),
    safety && promptPolicy(deps.safety),
    safety && outputPolicy(deps.safety),
  ];
  return stages.filter((s): s is Stage => s !== false);
}
