// The answer's text as the audit event keeps it: what the client was answered with, bounded.
import type { RequestContext } from './context.js';

/** Output text kept for the audit event (encrypted there, and only if retention policy says so). */
const MAX_OUTPUT_TEXT = 256 * 1024;

declare module './context.js' {
  interface StageVars {
    /** What the client was answered with (chat content, image revised prompts), bounded. */
    outputText: string;
  }
}

/** One entry of `choices`, as far as it is read here: upstream JSON, so every level may be missing. */
type Choice = { readonly message?: { readonly content?: unknown } | null; readonly delta?: { readonly content?: unknown } | null };
const choiceText = (c: Choice | null | undefined): unknown => c?.message?.content ?? c?.delta?.content;

/** Pure: the text a non-streamed answer carries, or a stream chunk adds. */
export function outputTextOf(body: Record<string, unknown>): string {
  const choices = body['choices'];
  // The usual stream chunk (one choice, no image data): no array to build and join.
  if (Array.isArray(choices) && choices.length === 1 && body['data'] === undefined) {
    const t = choiceText(choices[0] as Choice | null | undefined);
    return typeof t === 'string' ? t : '';
  }
  const parts: string[] = [];
  for (const c of (Array.isArray(body['choices']) ? body['choices'] : []) as (Choice | null | undefined)[]) {
    const t = choiceText(c);
    if (typeof t === 'string') parts.push(t);
  }
  for (const d of (Array.isArray(body['data']) ? body['data'] : []) as Record<string, unknown>[]) {
    if (typeof d?.['revised_prompt'] === 'string') parts.push(d['revised_prompt'] as string);
  }
  return parts.join('\n');
}

export function noteOutput(ctx: RequestContext, text: string): void {
  if (!text) return;
  const cur = ctx.vars.outputText ?? '';
  if (cur.length >= MAX_OUTPUT_TEXT) return;
  // Slice only at the cap: slicing every chunk would flatten the string each time (quadratic on long streams).
  ctx.vars.outputText = cur.length + text.length <= MAX_OUTPUT_TEXT ? cur + text : (cur + text).slice(0, MAX_OUTPUT_TEXT);
}
