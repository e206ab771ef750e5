// Stage outputPolicy: checks model output (non-streamed answers, streamed windows) and the upstream's
// revised_prompt; annotates allowed Azure-style answers with Azure's filter results.
import { OK, type Outcome, UNCHANGED } from '../errors/denial.js';
import type { RequestContext } from '../proxy/context.js';
import type { Stage, StreamFilter } from '../proxy/stage.js';
import { similarity, verdictRecord } from './audit-record.js';
import { normalise } from './normalise/normalise.js';
import type { Judgement, SafetyService } from './service.js';
import { recordVerdicts, type SafetyVars } from './stage-prompt-policy.js';
import { promptFilterFirst } from './stream/prompt-filter-first.js';
import { windowFilter } from './stream/window.js';
import { annotateChat, annotateImages, blockedDenial, contentFilterResults } from './wire/azure.js';

/** A revised_prompt this close to the forwarded prompt means the upstream did not revise it. */
export const UNREVISED_SIMILARITY = 0.85;

function messageText(choice: unknown): string {
  const c = (choice as { message?: { content?: unknown; tool_calls?: { function?: { arguments?: unknown } }[] } } | null)?.message;
  let s = typeof c?.content === 'string' ? c.content : '';
  for (const t of c?.tool_calls ?? []) if (typeof t?.function?.arguments === 'string') s += `\n${t.function.arguments}`;
  return s;
}

export function outputPolicy(svc: SafetyService): Stage {
  return {
    name: 'outputPolicy',
    onResponse(ctx, body): Outcome | Promise<Outcome> {
      const s = ctx.vars.safety;
      // OK: the body may have been rewritten (content_filter, Azure annotations); UNCHANGED: it was not.
      // Embeddings answers are vectors: nothing to read, and Azure does not annotate them.
      if (!s?.prompt || ctx.route.endpoint === 'embeddings') return UNCHANGED;
      if (ctx.route.endpoint === 'images') return imagesResponse(svc, ctx, body);
      if (!s.policy.checkOutput) {
        if (!(ctx.route.style === 'azure' && s.policy.annotate)) return UNCHANGED;
        annotateChat(body, s.prompt, undefined);
        return OK;
      }
      const choices = Array.isArray(body['choices']) ? (body['choices'] as Record<string, unknown>[]) : [];
      const texts = choices.map(messageText).filter(Boolean);
      // Without guards nothing waits: the answer is judged at once, not through a promise.
      if (s.policy.guards.length === 0) return outputJudged(svc, ctx, body, s, choices, svc.judgeNow(s.policy, 'output', texts, [], ctx.key?.tenantId));
      return svc.judge(s.policy, 'output', texts, [], true, ctx.key?.tenantId).then((j) => outputJudged(svc, ctx, body, s, choices, j));
    },
    streamFilter(ctx) {
      const s = ctx.vars.safety;
      if (!s?.prompt || ctx.route.endpoint !== 'chat') return undefined;
      const windows = s.policy.checkOutput ? outputWindows(svc, ctx, s) : undefined;
      return ctx.route.style === 'azure' && s.policy.annotate ? promptFilterFirst(s.prompt, windows) : windows;
    },
  };
}

/** Streamed output released in checked windows (built-in checks only: a guard round trip per window would stall it). */
function outputWindows(svc: SafetyService, ctx: RequestContext, s: SafetyVars): StreamFilter {
  return windowFilter({
    windowChars: s.policy.streamWindowChars,
    maxHoldMs: s.policy.streamMaxHoldMs,
    check: async (text) => {
      const j = await svc.judge(s.policy, 'output', [text], [], false, ctx.key?.tenantId);
      if (j.decision.action !== 'block') return false;
      s.verdicts.push(verdictRecord('output', j));
      recordVerdicts(ctx, s);
      if (ctx.key?.id) svc.counters.add(ctx.key.id, 'blocks');
      ctx.audit.decision = 'content-filter';
      return true;
    },
  });
}

function outputJudged(svc: SafetyService, ctx: RequestContext, body: Record<string, unknown>, s: SafetyVars, choices: Record<string, unknown>[], j: Judgement): Outcome {
  const keyId = ctx.key?.id;
  s.verdicts.push(verdictRecord('output', j));
  recordVerdicts(ctx, s);
  if (j.decision.action === 'block') {
    if (keyId) svc.counters.add(keyId, 'blocks');
    ctx.audit.decision = 'content-filter';
    // As Azure does: the answer arrives, its content withheld, finish_reason "content_filter".
    for (const c of choices) {
      const m = c['message'] as Record<string, unknown> | undefined;
      if (m) {
        m['content'] = null;
        delete m['tool_calls'];
      }
      c['finish_reason'] = 'content_filter';
      c['content_filter_results'] = contentFilterResults(j.decision, 'completion');
    }
    if (ctx.route.style === 'azure') body['prompt_filter_results'] = [{ prompt_index: 0, content_filter_results: contentFilterResults(s.prompt!, 'prompt') }];
    return OK;
  }
  if (!(ctx.route.style === 'azure' && s.policy.annotate)) return UNCHANGED;
  annotateChat(body, s.prompt!, j.decision);
  return OK;
}

function imagesResponse(svc: SafetyService, ctx: RequestContext, body: Record<string, unknown>): Outcome | Promise<Outcome> {
  const s = ctx.vars.safety!;
  const data = Array.isArray(body['data']) ? (body['data'] as Record<string, unknown>[]) : [];
  const revised = data.map((d) => d?.['revised_prompt']).filter((r): r is string => typeof r === 'string');
  if (revised.length === 0) return imagesAllowed(ctx, body, s);
  // Without guards nothing waits: the revised prompts are judged at once, not through a promise.
  if (s.policy.guards.length === 0) return imagesJudged(svc, ctx, body, s, revised, svc.judgeNow(s.policy, 'image_prompt', revised, [], ctx.key?.tenantId));
  return svc.judge(s.policy, 'image_prompt', revised, [], true, ctx.key?.tenantId).then((j) => imagesJudged(svc, ctx, body, s, revised, j));
}

function imagesJudged(svc: SafetyService, ctx: RequestContext, body: Record<string, unknown>, s: SafetyVars, revised: readonly string[], j: Judgement): Outcome {
  s.verdicts.push(verdictRecord('revised_prompt', j));
  // The upstream used a suppression-carrying prompt nearly as-is: the suppression worked, which is the same signal.
  const fwd = s.rewriteSuppression && s.forwardedPrompt ? normalise(s.forwardedPrompt).text : undefined;
  if (fwd !== undefined && revised.some((r) => similarity(normalise(r).text, fwd) >= UNREVISED_SIMILARITY)) {
    ctx.audit.detail = { ...(ctx.audit.detail as object | undefined), revisedPromptUnrevised: true };
    if (ctx.key?.id) svc.counters.add(ctx.key.id, 'rewriteSuppression');
  }
  recordVerdicts(ctx, s);
  if (j.decision.action === 'block') {
    if (ctx.key?.id) svc.counters.add(ctx.key.id, 'blocks');
    ctx.audit.decision = 'content-filter';
    return blockedDenial(j.decision, 'images');
  }
  return imagesAllowed(ctx, body, s);
}

function imagesAllowed(ctx: RequestContext, body: Record<string, unknown>, s: SafetyVars): Outcome {
  if (!(ctx.route.style === 'azure' && s.policy.annotate && s.prompt)) return UNCHANGED;
  annotateImages(body, s.prompt);
  return OK;
}
