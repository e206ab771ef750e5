// Stage promptPolicy: strips client moderation overrides, checks every prompt text (chat and image) against the
// key's policy, and blocks, strips rewrite-suppression text, or flags before anything goes upstream.
import { deny, OK, type Outcome } from '../errors/denial.js';
import type { RequestContext } from '../proxy/context.js';
import type { Stage } from '../proxy/stage.js';
import { verdictRecord, type VerdictRecord } from './audit-record.js';
import { stripRewriteSuppression } from './detectors/rewrite-suppression.js';
import type { Decision } from './policy/decide.js';
import type { SafetyPolicy } from './policy/types.js';
import { stripClientOverrides, type OverrideStrip } from './request/client-overrides.js';
import { extractChat, extractImage } from './request/extract.js';
import type { Judgement, SafetyService } from './service.js';
import { blockedDenial } from './wire/azure.js';

export interface SafetyVars {
  readonly policy: SafetyPolicy;
  prompt?: Decision;
  /** The image prompt as forwarded (after stripping), to compare with the upstream's revised_prompt. */
  forwardedPrompt?: string;
  rewriteSuppression: boolean;
  overrides: OverrideStrip;
  verdicts: VerdictRecord[];
}

declare module '../proxy/context.js' {
  interface StageVars {
    safety: SafetyVars;
  }
}

export function recordVerdicts(ctx: RequestContext, s: SafetyVars): void {
  ctx.audit.verdicts = { safety: s.verdicts, ...(s.overrides.fields.length || s.overrides.headers.length ? { strippedOverrides: s.overrides } : {}), ...(s.rewriteSuppression ? { rewriteSuppression: true } : {}) };
}

export function promptPolicy(svc: SafetyService): Stage {
  return {
    name: 'promptPolicy',
    // Without a stored policy layer to read and without guards, nothing here waits: the verdict is
    // returned at once, not through a promise per await.
    before(ctx): Outcome | Promise<Outcome> {
      const endpoint = ctx.route.endpoint;
      if (!svc.config.enabled || (endpoint !== 'chat' && endpoint !== 'images') || !ctx.body) return OK;
      const policy = svc.policyNow(ctx.key?.tenantId, ctx.key?.id);
      return policy ? withPolicy(svc, ctx, policy) : svc.policyFor(ctx.key?.tenantId, ctx.key?.id).then((p) => withPolicy(svc, ctx, p));
    },
  };
}

function withPolicy(svc: SafetyService, ctx: RequestContext, policy: SafetyPolicy): Outcome | Promise<Outcome> {
  const endpoint = ctx.route.endpoint;
  const body = ctx.body!;
  const overrides = stripClientOverrides(body, ctx.headers as Record<string, unknown>);
  const s: SafetyVars = { policy, rewriteSuppression: false, overrides, verdicts: [] };
  ctx.vars.safety = s;
  const ex = endpoint === 'chat' ? extractChat(body) : extractImage(body);
  if (ex.chars > policy.maxCheckedChars) {
    // Never forwarded unchecked: a prompt longer than the checked limit is refused.
    recordVerdicts(ctx, s);
    return deny('BODY_TOO_LARGE', `The prompt has ${ex.chars} characters; this gateway checks at most ${policy.maxCheckedChars} per request.`, { param: endpoint === 'chat' ? 'messages' : 'prompt', wireCode: 'prompt_too_large' });
  }
  const target = endpoint === 'images' ? 'image_prompt' : 'prompt';
  const tenantId = ctx.key?.tenantId;
  if (policy.guards.length === 0) return judged(svc, ctx, s, svc.judgeNow(policy, target, ex.texts, ex.documents, tenantId));
  return svc.judge(policy, target, ex.texts, ex.documents, true, tenantId).then((j) => judged(svc, ctx, s, j));
}

function judged(svc: SafetyService, ctx: RequestContext, s: SafetyVars, j: Judgement): Outcome {
  const endpoint = ctx.route.endpoint as 'chat' | 'images';
  s.prompt = j.decision;
  s.verdicts.push(verdictRecord('prompt', j));
  const keyId = ctx.key?.id;
  const rs = j.decision.categories.prompt_rewrite_suppression;
  s.rewriteSuppression = rs !== undefined && rs.severity !== 'safe' && rs.severity !== 'low';
  if (keyId) {
    svc.counters.add(keyId, 'checked');
    if (s.rewriteSuppression) svc.counters.add(keyId, 'rewriteSuppression');
  }
  recordVerdicts(ctx, s);
  if (j.guards.refuse) {
    return deny('SERVICE_UNAVAILABLE', 'A required content-safety check is unavailable, and this key\'s policy refuses requests it cannot check. Retry later.', { wireCode: 'safety_check_unavailable' });
  }
  if (j.decision.action === 'block') {
    if (keyId) svc.counters.add(keyId, 'blocks');
    ctx.audit.decision = 'content-filter';
    return blockedDenial(j.decision, endpoint);
  }
  const body = ctx.body!;
  if (j.decision.action === 'strip' && endpoint === 'images') {
    const stripped = stripRewriteSuppression(String(body['prompt']));
    if (stripped.text.trim().length === 0) {
      return deny('INVALID_REQUEST', 'Nothing is left of the prompt once the instructions not to revise it are removed.', { param: 'prompt' });
    }
    body['prompt'] = stripped.text;
  }
  if (endpoint === 'images') s.forwardedPrompt = String(body['prompt']);
  return OK;
}
