// Stage promptPolicy: strips client moderation overrides, checks every prompt text (chat, image, embeddings input)
// against the key's policy, and blocks, strips rewrite-suppression text, or flags before anything goes upstream.
import { deny, OK, type Outcome } from '../errors/denial.js';
import type { RequestContext } from '../proxy/context.js';
import type { Stage } from '../proxy/stage.js';
import { verdictRecord, type VerdictRecord } from './audit-record.js';
import { stripRewriteSuppression } from './detectors/rewrite-suppression.js';
import type { Decision } from './policy/decide.js';
import type { SafetyPolicy } from './policy/types.js';
import { stripClientOverrides, type OverrideStrip } from './request/client-overrides.js';
import { extractChat, extractEmbeddings, extractImage, type Extracted } from './request/extract.js';
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
  /** Embeddings input held token ids, forwarded without a check (policy `embeddingTokens: flag`). */
  uncheckedTokens?: boolean;
}

declare module '../proxy/context.js' {
  interface StageVars {
    safety: SafetyVars;
  }
}

export function recordVerdicts(ctx: RequestContext, s: SafetyVars): void {
  ctx.audit.verdicts = {
    safety: s.verdicts,
    ...(s.overrides.fields.length || s.overrides.headers.length ? { strippedOverrides: s.overrides } : {}),
    ...(s.rewriteSuppression ? { rewriteSuppression: true } : {}),
    ...(s.uncheckedTokens ? { uncheckedTokenInput: true } : {}),
  };
}

export function promptPolicy(svc: SafetyService): Stage {
  return {
    name: 'promptPolicy',
    // Without a stored policy layer to read and without guards, nothing here waits: the verdict is
    // returned at once, not through a promise per await.
    before(ctx): Outcome | Promise<Outcome> {
      const endpoint = ctx.route.endpoint;
      if (!svc.config.enabled || endpoint === 'models' || !ctx.body) return OK;
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
  const ex = extract(endpoint, body, policy.maxCheckedChars);
  const unreadable = uncheckable(ex, endpoint, policy);
  if (unreadable) {
    // Never forwarded unchecked: text the walk could not reach whole is refused.
    recordVerdicts(ctx, s);
    return unreadable;
  }
  if (ex.tokenInput) s.uncheckedTokens = true;
  const target = endpoint === 'images' ? 'image_prompt' : 'prompt';
  const tenantId = ctx.key?.tenantId;
  const effective = endpoint === 'embeddings' && policy.embeddings === 'flag' ? flagOnly(policy) : policy;
  if (policy.guards.length === 0) return judged(svc, ctx, s, svc.judgeNow(effective, target, ex.texts, ex.documents, tenantId, ex.operator));
  return svc.judge(effective, target, ex.texts, ex.documents, true, tenantId, ex.operator).then((j) => judged(svc, ctx, s, j));
}

function extract(endpoint: RequestContext['route']['endpoint'], body: Record<string, unknown>, maxChars: number): Extracted {
  if (endpoint === 'chat') return extractChat(body, maxChars);
  return endpoint === 'embeddings' ? extractEmbeddings(body) : extractImage(body);
}

/** The refusal for a request whose text cannot all be checked (too long, nested too deep, token ids refused). */
function uncheckable(ex: Extracted, endpoint: RequestContext['route']['endpoint'], policy: SafetyPolicy): Outcome | undefined {
  const param = endpoint === 'chat' ? 'messages' : endpoint === 'embeddings' ? 'input' : 'prompt';
  if (ex.over && ex.over.reason !== 'chars') {
    return deny('INVALID_REQUEST', `'${ex.over.param}' is ${ex.over.reason === 'depth' ? 'nested too deeply' : 'too large'} for this gateway's content checks; simplify the schema.`, {
      param: ex.over.param,
    });
  }
  if (ex.over || ex.chars > policy.maxCheckedChars) {
    const n = ex.over ? `more than ${policy.maxCheckedChars}` : String(ex.chars);
    return deny('BODY_TOO_LARGE', `The prompt has ${n} characters; this gateway checks at most ${policy.maxCheckedChars} per request.`, {
      param: ex.over?.param ?? param,
      wireCode: 'prompt_too_large',
    });
  }
  if (ex.tokenInput && policy.embeddingTokens === 'block') {
    return deny('INVALID_REQUEST', "This key's safety policy accepts embeddings input only as text: token ids cannot be checked.", { param: 'input' });
  }
  return undefined;
}

/** The policy with every `block` turned into `flag` (embeddings: flag): verdicts and counts stay, nothing is refused. */
const flagged = new WeakMap<SafetyPolicy, SafetyPolicy>();
function flagOnly(p: SafetyPolicy): SafetyPolicy {
  let f = flagged.get(p);
  if (!f) {
    const categories = Object.fromEntries(Object.entries(p.categories).map(([c, r]) => [c, r.action === 'block' ? { ...r, action: 'flag' as const } : r]));
    flagged.set(p, (f = { ...p, categories: categories as SafetyPolicy['categories'] }));
  }
  return f;
}

function judged(svc: SafetyService, ctx: RequestContext, s: SafetyVars, j: Judgement): Outcome {
  const endpoint = ctx.route.endpoint as 'chat' | 'images' | 'embeddings';
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
    return deny('SERVICE_UNAVAILABLE', "A required content-safety check is unavailable, and this key's policy refuses requests it cannot check. Retry later.", {
      wireCode: 'safety_check_unavailable',
    });
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
