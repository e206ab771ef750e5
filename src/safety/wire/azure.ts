// Azure OpenAI's content-filter wire shapes: blocked-prompt errors, prompt_filter_results, per-choice results.
import { deny, type Outcome } from '../../errors/denial.js';
import type { Decision } from '../policy/decide.js';
import type { Category } from '../types.js';

type SevResult = { filtered: boolean; severity: string };
type DetResult = { filtered: boolean; detected: boolean };

const HARM: readonly Category[] = ['hate', 'self_harm', 'sexual', 'violence'];
/** Reported only when something was found: Warden's extensions to Azure's set. */
const EXTRA_HARM: readonly Category[] = ['illicit'];
const DETECTED: readonly Category[] = ['jailbreak', 'indirect_attack', 'prompt_rewrite_suppression', 'obfuscation'];

/** `{hate:{filtered,severity}, …, jailbreak:{filtered,detected}}`; `prompt` adds the prompt-only detections. */
export function contentFilterResults(d: Decision, kind: 'prompt' | 'completion'): Record<string, SevResult | DetResult | object> {
  const out: Record<string, SevResult | DetResult | object> = {};
  const blocked = (c: Category): boolean => d.categories[c]?.action === 'block';
  for (const c of HARM) out[c] = { filtered: blocked(c), severity: d.categories[c]?.severity ?? 'safe' };
  for (const c of EXTRA_HARM) if (d.categories[c]) out[c] = { filtered: blocked(c), severity: d.categories[c]!.severity };
  if (kind === 'prompt') {
    for (const c of DETECTED) {
      const o = d.categories[c];
      if (c === 'jailbreak' || (o && o.severity !== 'safe')) out[c] = { filtered: blocked(c) || o?.action === 'strip', detected: o !== undefined && o.severity !== 'safe' && o.triggered };
    }
  }
  const bl = d.categories.custom_blocklists;
  if (bl?.triggered) out['custom_blocklists'] = { filtered: blocked('custom_blocklists'), details: d.triggered.filter((f) => f.category === 'custom_blocklists').map((f) => ({ filtered: blocked('custom_blocklists'), id: f.reason })) };
  return out;
}

/** HTTP 400 `content_filter` with `innererror.code: ResponsibleAIPolicyViolation` (chat), or `content_policy_violation` (images). */
export function blockedDenial(d: Decision, endpoint: 'chat' | 'images', where: 'prompt' | 'output' = 'prompt'): Outcome {
  const result = contentFilterResults(d, where === 'prompt' ? 'prompt' : 'completion');
  if (endpoint === 'images') {
    return deny('IMAGE_CONTENT_POLICY', 'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.', {
      wireCode: 'content_policy_violation', param: 'prompt',
      extra: { innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_results: result } },
    });
  }
  const msg = where === 'prompt'
    ? "The response was filtered due to the prompt triggering the content management policy. Please modify your prompt and retry."
    : 'The response was filtered due to the model output triggering the content management policy.';
  return deny('CONTENT_FILTERED', msg, {
    wireCode: 'content_filter', param: 'prompt',
    extra: { status: 400, innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: result } },
  });
}

/** Adds `prompt_filter_results` and per-choice `content_filter_results` to an allowed chat answer, in place. */
export function annotateChat(body: Record<string, unknown>, prompt: Decision, output: Decision | undefined): void {
  body['prompt_filter_results'] = [{ prompt_index: 0, content_filter_results: contentFilterResults(prompt, 'prompt') }];
  if (output && Array.isArray(body['choices'])) {
    for (const c of body['choices'] as Record<string, unknown>[]) if (c && typeof c === 'object') c['content_filter_results'] = contentFilterResults(output, 'completion');
  }
}

/** Images: Azure puts `prompt_filter_results` on each data item and `content_filter_results` for the image. */
export function annotateImages(body: Record<string, unknown>, prompt: Decision): void {
  if (!Array.isArray(body['data'])) return;
  for (const item of body['data'] as Record<string, unknown>[]) {
    if (!item || typeof item !== 'object') continue;
    item['prompt_filter_results'] = contentFilterResults(prompt, 'prompt');
  }
}
